Content-Length: 33

{"jsonrpc":"2.0","id":5,"method":Content-Length: 32

[{"jsonrpc":"2.0","method":"a"}]Content-Length: 37

{"jsonrpc":"1.0","id":6,"method":"x"}Content-Length: 51

{"jsonrpc":"2.0","id":7,"method":"x","params":"ÿþ"}Content-Length: 39

{"jsonrpc":"2.0","id":[1],"method":"x"}Content-Length: 48

{"jsonrpc":"2.0","id":8,"method":"x","params":3}