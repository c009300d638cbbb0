/// A JSON-RPC 2.0 message received from the other side.
public enum IncomingMessage: Sendable, Equatable {
    /// A call that must be answered. `params` is an object or an array when present.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// A call that must not be answered.
    case notification(method: String, params: JSONValue?)
    /// The answer to one of our own requests. The id is `nil` only for an error response
    /// to a request the other side could not read.
    case response(id: RequestID?, outcome: Result<JSONValue, ResponseError>)
}

/// The identifier pairing a request with its response.
public enum RequestID: Hashable, Sendable {
    case integer(Int64)
    case string(String)

    /// Reads an id: an integer or a string, nothing else.
    public init?(_ json: JSONValue) {
        switch json {
        case .integer(let value): self = .integer(value)
        case .string(let value): self = .string(value)
        default: return nil
        }
    }

    public var jsonValue: JSONValue {
        switch self {
        case .integer(let value): return .integer(value)
        case .string(let value): return .string(value)
        }
    }
}

extension RequestID: CustomStringConvertible {
    /// The id as it appears in JSON, so a string id and a numeric one stay apart in logs.
    public var description: String {
        jsonValue.description
    }
}

/// A body that is not an acceptable JSON-RPC message, with the error to answer it with.
public struct RejectedMessage: Error, Sendable, Equatable {
    /// The id of the offending message when one could be read; the error response then
    /// carries it, otherwise it carries `null`.
    public let id: RequestID?
    public let error: ResponseError

    public init(id: RequestID?, error: ResponseError) {
        self.id = id
        self.error = error
    }

    /// The framed error response, ready to write.
    public var errorResponse: [UInt8] {
        OutgoingMessage.errorResponse(id: id, error: error)
    }
}

extension IncomingMessage {
    /// Reads a message body. A body that is not JSON (or nests too deeply) is rejected
    /// with `parseError`; JSON that is not a single request, notification or response —
    /// batches included, which the language server protocol never uses — with
    /// `invalidRequest`.
    public init(body: [UInt8]) throws(RejectedMessage) {
        let json: JSONValue
        do {
            json = try JSONValue.decode(body)
        } catch {
            throw RejectedMessage(id: nil, error: ResponseError(.parseError, message: "Parse error: \(error)"))
        }
        try self.init(json: json)
    }

    public init(json: JSONValue) throws(RejectedMessage) {
        guard case .object(let object) = json else {
            let problem = json.arrayValue != nil
                ? "batch messages are not supported"
                : "a message must be a JSON object"
            throw Self.invalidRequest(id: nil, problem)
        }
        let idMember = object["id"]
        let id = idMember.flatMap(RequestID.init)
        guard object["jsonrpc"] == .string("2.0") else {
            throw Self.invalidRequest(id: id, "\"jsonrpc\" must be \"2.0\"")
        }
        if let idMember, !idMember.isNull, id == nil {
            throw Self.invalidRequest(id: nil, "\"id\" must be an integer or a string")
        }
        if let methodMember = object["method"] {
            self = try Self.call(method: methodMember, id: id, hasID: idMember != nil, params: object["params"])
        } else {
            self = try Self.response(id: id, hasID: idMember != nil, result: object["result"], error: object["error"])
        }
    }

    private static func call(
        method methodMember: JSONValue, id: RequestID?, hasID: Bool, params: JSONValue?
    ) throws(RejectedMessage) -> IncomingMessage {
        guard case .string(let method) = methodMember else {
            throw invalidRequest(id: id, "\"method\" must be a string")
        }
        let acceptedParams: JSONValue?
        switch params {
        case .object, .array:
            acceptedParams = params
        case nil, .null:
            // Some clients send `"params": null` for methods without parameters
            // (`shutdown`, `exit`); it means the same as leaving the member out.
            acceptedParams = nil
        default:
            throw invalidRequest(id: id, "\"params\" must be an object or an array")
        }
        guard hasID else {
            return .notification(method: method, params: acceptedParams)
        }
        guard let id else {
            throw invalidRequest(id: nil, "a request's \"id\" must not be null")
        }
        return .request(id: id, method: method, params: acceptedParams)
    }

    private static func response(
        id: RequestID?, hasID: Bool, result: JSONValue?, error: JSONValue?
    ) throws(RejectedMessage) -> IncomingMessage {
        guard hasID else {
            throw invalidRequest(id: nil, "a message needs a \"method\", or an \"id\" if it is a response")
        }
        switch (result, error) {
        case (let result?, nil):
            guard let id else {
                throw invalidRequest(id: nil, "a successful response needs an \"id\"")
            }
            return .response(id: id, outcome: .success(result))
        case (nil, let error?):
            guard let responseError = ResponseError(json: error) else {
                let problem = "\"error\" must be an object with an integer \"code\" and a string \"message\""
                throw invalidRequest(id: id, problem)
            }
            return .response(id: id, outcome: .failure(responseError))
        case (.some, .some):
            throw invalidRequest(id: id, "a response must not have both \"result\" and \"error\"")
        case (nil, nil):
            throw invalidRequest(id: id, "a response needs a \"result\" or an \"error\"")
        }
    }

    private static func invalidRequest(id: RequestID?, _ problem: String) -> RejectedMessage {
        RejectedMessage(id: id, error: ResponseError(.invalidRequest, message: "Invalid request: \(problem)"))
    }
}
