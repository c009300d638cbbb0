public enum IcplsVersion {
    public static let current = "0.1.0"
}
