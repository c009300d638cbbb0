/// The products of SPEC §3: those that can host a filing, with their quotas,
/// and those known not to.
public enum Product: String, Sendable, Hashable, CaseIterable {
    case ecs
    case simpleApplicationServer = "simple-application-server"
    case webHosting = "web-hosting"
    case elasticWebHosting = "elastic-web-hosting"
    case ens
    case natGateway = "nat-gateway"
    case ipv6Translation = "ipv6-translation"
    case marketplaceSite = "marketplace-site"
    case slb, ack, acs, oss, cdn, waf
    case functionCompute = "function-compute"

    /// What a product allows when it can host a filing.
    public struct Hosting: Sendable, Hashable {
        /// How many service numbers (and direct selections) one quota pool holds.
        public let quota: Int
        /// True when the quota is shared by all of the purchasing account's instances of the product.
        public let isPooledPerAccount: Bool
        public let minimumSubscriptionMonths: Int
        public let needsPublicBandwidth: Bool
    }

    /// Nil for products that cannot host a filing.
    public var hosting: Hosting? {
        switch self {
        case .ecs: return Hosting(quota: 5, isPooledPerAccount: false, minimumSubscriptionMonths: 3, needsPublicBandwidth: true)
        case .simpleApplicationServer, .webHosting, .ens:
            return Hosting(quota: 5, isPooledPerAccount: false, minimumSubscriptionMonths: 3, needsPublicBandwidth: false)
        case .elasticWebHosting:
            return Hosting(quota: 5, isPooledPerAccount: true, minimumSubscriptionMonths: 6, needsPublicBandwidth: false)
        case .natGateway, .ipv6Translation:
            return Hosting(quota: 2, isPooledPerAccount: false, minimumSubscriptionMonths: 1, needsPublicBandwidth: false)
        case .marketplaceSite:
            return Hosting(quota: 1, isPooledPerAccount: false, minimumSubscriptionMonths: 12, needsPublicBandwidth: false)
        case .slb, .ack, .acs, .oss, .cdn, .waf, .functionCompute:
            return nil
        }
    }

    /// What to use instead, for products that cannot host a filing.
    public var nonHostingAdvice: NonHostingAdvice? {
        switch self {
        case .slb: return .useBackendECS
        case .ack, .acs: return .useEligibleECS
        case .oss, .cdn, .waf, .functionCompute: return .useFiledDomain
        default: return nil
        }
    }

    public enum NonHostingAdvice: Sendable, Hashable {
        case useBackendECS, useEligibleECS, useFiledDomain
    }
}

/// Where a region is, for the eligibility rules.
public enum RegionArea: Sendable, Hashable {
    case mainland, hongKong, outsideMainland
}

public enum Regions {
    public static let mainland: [String] = [
        "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou",
        "cn-shanghai", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-nanjing",
        "cn-fuzhou", "cn-wuhan-lr", "cn-zhongwei",
    ]
    public static let hongKong = "cn-hongkong"
    public static let outsideMainland: [String] = [
        "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ap-south-1", "us-west-1", "us-east-1",
        "eu-central-1", "eu-west-1", "me-east-1", "me-central-1",
    ]
    public static let all: [String] = mainland + [hongKong] + outsideMainland

    private static let areas: [String: RegionArea] = {
        var table: [String: RegionArea] = [hongKong: .hongKong]
        for region in mainland { table[region] = .mainland }
        for region in outsideMainland { table[region] = .outsideMainland }
        return table
    }()

    /// Nil for a region §3 does not list.
    public static func area(of region: String) -> RegionArea? { areas[region] }
}

public enum Billing: String, Sendable, Hashable, CaseIterable {
    case subscription
    case payAsYouGo = "pay-as-you-go"
}

public enum InstanceStatus: String, Sendable, Hashable, CaseIterable {
    case running, stopped, expired, released
}

public enum FilingStatus: String, Sendable, Hashable, CaseIterable {
    case draft, submitted, approved, cancelled
}

public enum Hosting: String, Sendable, Hashable, CaseIterable {
    case alibabaCloud = "alibaba-cloud"
    case trustpass
    case otherProvider = "other-provider"
}
