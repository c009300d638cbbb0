import Testing
import IcplsJSONRPC

@Suite("Building outgoing messages")
struct OutgoingMessageTests {
    @Test("a response carries the id and the result")
    func response() {
        #expect(OutgoingMessage.response(id: .integer(1), result: ["capabilities": [:]])
            == framed(#"{"jsonrpc":"2.0","id":1,"result":{"capabilities":{}}}"#))
        #expect(OutgoingMessage.response(id: .string("a"), result: .null)
            == framed(#"{"jsonrpc":"2.0","id":"a","result":null}"#))
    }

    @Test("an error response carries the id, or null when there is none")
    func errorResponse() {
        let error = ResponseError(.requestCancelled, message: "cancelled")
        #expect(OutgoingMessage.errorResponse(id: .integer(4), error: error)
            == framed(#"{"jsonrpc":"2.0","id":4,"error":{"code":-32800,"message":"cancelled"}}"#))
        let withData = ResponseError(.invalidParams, message: "bad", data: ["field": "uri"])
        #expect(OutgoingMessage.errorResponse(id: nil, error: withData)
            == framed(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32602,"message":"bad","data":{"field":"uri"}}}"#))
    }

    @Test("notifications and requests carry params only when given")
    func callsFromTheServer() {
        #expect(OutgoingMessage.notification(method: "window/logMessage", params: ["type": 3, "message": "hi"])
            == framed(#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"hi"}}"#))
        #expect(OutgoingMessage.notification(method: "exit", params: nil)
            == framed(#"{"jsonrpc":"2.0","method":"exit"}"#))
        #expect(OutgoingMessage.request(id: .integer(10), method: "workspace/diagnostic/refresh", params: nil)
            == framed(#"{"jsonrpc":"2.0","id":10,"method":"workspace/diagnostic/refresh"}"#))
        #expect(OutgoingMessage.request(id: .string("s"), method: "m", params: [1])
            == framed(#"{"jsonrpc":"2.0","id":"s","method":"m","params":[1]}"#))
    }

    @Test("Content-Length counts bytes, not characters")
    func lengthInBytes() {
        let message = OutgoingMessage.notification(method: "m", params: ["t": "é😀"])
        let body = #"{"jsonrpc":"2.0","method":"m","params":{"t":"é😀"}}"#
        #expect(body.count == 50)
        #expect(message == bytes("Content-Length: 54\r\n\r\n" + body))
    }

    @Test("what is built is read back as the same message")
    func readBack() throws {
        var framer = MessageFramer()
        let events = framer.feed(OutgoingMessage.request(id: .integer(3), method: "m", params: ["a": [true]]))
        guard case .message(let body) = try #require(events.first) else {
            Issue.record("expected a message, got \(events)")
            return
        }
        #expect(try IncomingMessage(body: body) == .request(id: .integer(3), method: "m", params: ["a": [true]]))
    }

    @Test("error codes have their protocol values")
    func errorCodes() {
        let codes: [(ResponseError.Code, Int)] = [
            (.parseError, -32700), (.invalidRequest, -32600), (.methodNotFound, -32601),
            (.invalidParams, -32602), (.internalError, -32603), (.serverNotInitialized, -32002),
            (.requestCancelled, -32800), (.contentModified, -32801),
        ]
        for (code, value) in codes {
            #expect(code.rawValue == value)
        }
    }
}
