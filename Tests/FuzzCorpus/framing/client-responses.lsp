Content-Length: 38

{"jsonrpc":"2.0","id":1,"result":null}Content-Length: 63

{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"no"}}