Content-Length: 44

{"jsonrpc":"2.0","id":9,"method":"shutdown"}Content-Length: 47

{"jsonrpc":"2.0","method":"exit","params":null}