Content-Length: 0

Content-Length: 39

{"jsonrpc":"2.0","method":"initialized"}