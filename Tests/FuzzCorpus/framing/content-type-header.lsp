Content-Length: 90
Content-Type: application/vscode-jsonrpc; charset=utf-8

{"jsonrpc":"2.0","id":4,"method":"workspace/diagnostic","params":{"previousResultIds":[]}}