Content-Length: 227

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]},"textDocument":{"diagnostic":{}}},"workspaceFolders":[{"uri":"file:///w","name":"w"}]}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}