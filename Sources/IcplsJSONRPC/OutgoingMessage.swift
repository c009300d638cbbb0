/// Builds the framed bytes of messages to send: a `Content-Length` header block and a
/// JSON-RPC 2.0 body whose members always come in the same order.
public enum OutgoingMessage {
    public static func request(id: RequestID, method: String, params: JSONValue?) -> [UInt8] {
        var body: JSONObject = ["jsonrpc": "2.0", "id": id.jsonValue, "method": .string(method)]
        if let params {
            body["params"] = params
        }
        return framed(.object(body))
    }

    public static func notification(method: String, params: JSONValue?) -> [UInt8] {
        var body: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params {
            body["params"] = params
        }
        return framed(.object(body))
    }

    /// A successful response. A request whose answer is "nothing" gets `.null`.
    public static func response(id: RequestID, result: JSONValue) -> [UInt8] {
        framed(["jsonrpc": "2.0", "id": id.jsonValue, "result": result])
    }

    /// An error response; `id` is `nil` when the request's id could not be read.
    public static func errorResponse(id: RequestID?, error: ResponseError) -> [UInt8] {
        framed(["jsonrpc": "2.0", "id": id?.jsonValue ?? .null, "error": error.jsonValue])
    }

    public static func framed(_ body: JSONValue) -> [UInt8] {
        framed(body: body.encoded())
    }

    /// Puts the header block in front of an already encoded body.
    public static func framed(body: [UInt8]) -> [UInt8] {
        let header = "Content-Length: \(body.count)\r\n\r\n".utf8
        var message: [UInt8] = []
        message.reserveCapacity(header.count + body.count)
        message.append(contentsOf: header)
        message.append(contentsOf: body)
        return message
    }
}
