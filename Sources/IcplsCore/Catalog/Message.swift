import IcplsDocument

/// Everything icpls says, as data. A `MessageCatalog` turns it into words, so a
/// Simplified Chinese catalog can stand beside the English one.
public enum Message: Sendable, Hashable {
    // Structure
    case syntax(SyntaxErrorKind)
    case missingMember(String, in: ObjectKind)
    case missingExpiresOn
    case wrongType(member: String, expected: ValueKind)
    case notAllowed(member: String, value: String, allowed: [String])
    case notRealDate(member: String, value: String)
    case notPositiveInteger(member: String)
    case negativeNumber(member: String)
    case emptyIdentifier(member: String)
    case notBareHostName(String)
    case topLevelNotObject
    case arrayElementNotObject(ObjectKind)
    case unknownMember(String, in: ObjectKind, suggestion: String?)
    case duplicateKey(String)
    case unknownRegion(String)
    // References
    case unknownAccount(String, suggestion: String?)
    case unknownInstance(String, suggestion: String?)
    case unknownServiceNumber(String, suggestion: String?)
    case duplicateDeclaration(DeclarationKind, String)
    // Numbers
    case serviceNumberReused(String, firstConsumer: ConsumerDescription)
    case quotaExceeded(pool: QuotaUsage.PoolKey, product: Product, quota: Int, slot: Int)
    // Accounts and instances
    case appliedByNonPurchaser(number: String, appliedBy: String, purchaser: String, instance: String)
    case directSelectionByNonPurchaser(instance: String, filingAccount: String, purchaser: String)
    case serviceNumberOfOtherInstance(number: String, numberInstance: String, instance: String)
    // Host eligibility
    case productCannotHost(instance: String, product: Product)
    case hostedInHongKong(instance: String)
    case hostedOutsideMainland(instance: String, region: String)
    case payAsYouGo(instance: String)
    case instanceExpiredByStatus(instance: String, status: InstanceStatus)
    case instanceExpiredOn(instance: String, expiresOn: CalendarDate)
    case subscriptionTooShort(instance: String, months: Int, minimum: Int, product: Product)
    case subscriptionEndsTooSoon(instance: String, expiresOn: CalendarDate, needed: CalendarDate, minimumMonths: Int)
    case noPublicBandwidth(instance: String)
    // Hosting
    case trustPassNeedsNone(member: String)
    case otherProviderFiling(domain: String?)
    case noHostGiven(domain: String?)
    case domainRepeated(String)
    // Related locations
    case relatedFirstDeclaration
    case relatedFirstConsumer
    case relatedCause
    case relatedKeeper
    // Fix titles
    case fixUseServiceNumber(String, instance: String)
    case fixReplaceInstanceWithNumber(String)
    case fixReplace(with: String)
    case fixUseBareHostName(String)
    case fixRemoveMember(String)
    case fixRemoveWebsite(String?)
    case fixIgnoreOnLine(RuleID)
    // Settings
    case settingNotJSONC(String)
    case settingsNotObject
    case settingUnknownMember(String)
    case settingWrongType(String, expected: String)
    case settingBadDate(String)
    case settingUnknownRule(String)
    case settingUnknownSeverity(rule: String, value: String)
}

public enum DeclarationKind: String, Sendable, Hashable {
    case account, instance, serviceNumber, filing
}

/// Who consumed a number first, for ICP201's message.
public enum ConsumerDescription: Sendable, Hashable {
    case markedUsed
    case website(domain: String?, filingID: String?, status: FilingStatus)
}

public protocol MessageCatalog: Sendable {
    func text(_ message: Message) -> String
    func title(of rule: RuleID) -> String
    func rationale(of rule: RuleID) -> String
}
