Content-Length: abc

{}garbage line
Content-Length: 2

{}Content-Length: 3
content-length: 4

{} 

Content-Length: 45

{"jsonrpc":"2.0","id":10,"method":"shutdown"}