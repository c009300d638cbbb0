/// The error member of a JSON-RPC response. It is an `Error`, so a handler can throw
/// one and have it sent back as it is.
public struct ResponseError: Error, Sendable, Equatable {
    /// An error code. The named ones are those of JSON-RPC 2.0 and the language server
    /// protocol; any other integer can be made from a literal.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        public init(integerLiteral value: Int) {
            self.rawValue = value
        }

        public static let parseError: Code = -32700
        public static let invalidRequest: Code = -32600
        public static let methodNotFound: Code = -32601
        public static let invalidParams: Code = -32602
        public static let internalError: Code = -32603
        public static let serverNotInitialized: Code = -32002
        public static let requestCancelled: Code = -32800
        public static let contentModified: Code = -32801
    }

    public var code: Code
    public var message: String
    public var data: JSONValue?

    public init(_ code: Code, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// Reads the error member of a response: an object with an integer `code` and a
    /// string `message`, and perhaps `data`.
    public init?(json: JSONValue) {
        guard let code = json["code"]?.intValue, let message = json["message"]?.stringValue else {
            return nil
        }
        self.init(Code(rawValue: code), message: message, data: json["data"])
    }

    public var jsonValue: JSONValue {
        var object: JSONObject = ["code": .integer(Int64(code.rawValue)), "message": .string(message)]
        if let data {
            object["data"] = data
        }
        return .object(object)
    }
}

extension ResponseError: CustomStringConvertible {
    public var description: String {
        "\(message) (\(code.rawValue))"
    }
}
