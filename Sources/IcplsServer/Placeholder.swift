public enum LanguageServerMain {
    public static func run(environment: [String: String]) -> Int32 { 1 }
}
