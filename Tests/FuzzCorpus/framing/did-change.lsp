Content-Length: 274

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///w/filings/2026-new-sites.icp.json","version":2},"contentChanges":[{"range":{"start":{"line":3,"character":5},"end":{"line":4,"character":0}},"text":"杭州😀\r\n"},{"text":"{}"}]}}