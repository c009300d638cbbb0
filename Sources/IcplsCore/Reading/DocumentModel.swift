import IcplsDocument

/// What one document declares and references, read from its syntax tree.
///
/// A member whose value is absent or invalid is nil here: every rule past the
/// structure rules treats an invalid value as absent.
public struct DocumentModel: Sendable, Equatable {
    public var accounts: [AccountDeclaration] = []
    public var instances: [InstanceDeclaration] = []
    public var serviceNumbers: [ServiceNumberDeclaration] = []
    public var filings: [FilingDeclaration] = []

    public init() {}
}

public struct AccountDeclaration: Sendable, Equatable {
    /// The object's opening brace.
    public var open: ByteRange
    public var id: Located<String>?
    public var name: Located<String>?
}

public struct InstanceDeclaration: Sendable, Equatable {
    public var open: ByteRange
    public var id: Located<String>?
    public var product: Located<Product>?
    public var account: Located<String>?
    public var region: Located<String>?
    public var billing: Located<Billing>?
    public var expiresOn: Located<CalendarDate>?
    public var subscriptionMonths: Located<Double>?
    public var publicBandwidthMbps: Located<Double>?
    public var status: Located<InstanceStatus>?

    public var regionArea: RegionArea? { region.flatMap { Regions.area(of: $0.value) } }
}

public struct ServiceNumberDeclaration: Sendable, Equatable {
    public var open: ByteRange
    public var number: Located<String>?
    public var instance: Located<String>?
    public var appliedBy: Located<String>?
    public var used: Located<Bool>?

    public var isMarkedUsed: Bool { used?.value == true }
}

public struct FilingDeclaration: Sendable, Equatable {
    public var open: ByteRange
    public var id: Located<String>?
    public var account: Located<String>?
    public var status: Located<FilingStatus>?
    public var websites: [WebsiteDeclaration] = []

    /// An absent or invalid status is a draft.
    public var effectiveStatus: FilingStatus { status?.value ?? .draft }
    public var isDraft: Bool { effectiveStatus == .draft }
}

public struct WebsiteDeclaration: Sendable, Equatable {
    public var open: ByteRange
    /// The whole website object.
    public var objectRange: ByteRange
    public var domain: Located<String>?
    public var hosting: Located<Hosting>?
    public var serviceNumber: Located<String>?
    public var serviceNumberKey: ByteRange?
    /// The `serviceNumber` value as written, also when it is invalid (an empty range where it is missing).
    public var serviceNumberWritten: ByteRange?
    public var instance: Located<String>?
    public var instanceKey: ByteRange?
    public var providerRemoved: Located<Bool>?

    /// An absent or invalid hosting is Alibaba Cloud.
    public var effectiveHosting: Hosting { hosting?.value ?? .alibabaCloud }
    /// An `instance` and no valid `serviceNumber`.
    public var selectsInstanceDirectly: Bool { serviceNumber == nil && instance != nil }
}
