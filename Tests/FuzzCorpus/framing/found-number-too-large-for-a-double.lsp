Content-Length: 5

1e400Content-Length: 39

{"jsonrpc":"2.0","method":"initialized"}