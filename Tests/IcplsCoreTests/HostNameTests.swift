import Testing
@testable import IcplsCore

/// A domain is a bare host name: no scheme, path, port, user or whitespace, ASCII or not.
@Suite struct HostNameTests {
    @Test(arguments: ["shop.example.cn", "Shop.Example.CN.", "xn--fiqs8s.cn", "示例.中国", "a-b_c.example.cn", "例子.cn"])
    func bareHostNames(domain: String) {
        #expect(HostName.isBare(domain))
    }

    @Test(arguments: [
        "", "https://shop.example.cn", "shop.example.cn/a", "shop.example.cn:8080", "user@shop.example.cn", "shop.example.cn?q",
        "shop.example.cn#top", "shop example.cn", "shop.example.cn\t", "shop\n.cn", "shop\u{0B}.cn", "\u{0C}shop.cn", "shop.cn\r",
        "示例\u{3000}.cn", "示例.cn\u{A0}", "示例/路径.cn", "例子.cn:80",
    ])
    func notBareHostNames(domain: String) {
        #expect(!HostName.isBare(domain))
    }
}
