/// The document the fuzzed one is checked beside: accounts, instances and numbers
/// to refer to, and a draft filing that competes for them.
enum Companion {
    static let inventory = """
    // What the accounts bought, and the numbers applied for on those instances.
    {
      "accounts": [
        { "id": "acct-hz", "name": "杭州示例科技有限公司" },
        { "id": "acct-sh", "name": "上海示例网络科技有限公司" }
      ],
      "instances": [
        { "id": "i-bp1shop01", "product": "ecs", "account": "acct-hz", "region": "cn-hangzhou",
          "billing": "subscription", "expiresOn": "2027-09-30", "subscriptionMonths": 12, "publicBandwidthMbps": 5 },
        { "id": "i-swas-blog", "product": "simple-application-server", "account": "acct-hz", "region": "cn-shanghai",
          "billing": "subscription", "expiresOn": "2027-01-15", "subscriptionMonths": 12 },
        { "id": "i-ewh-docs", "product": "elastic-web-hosting", "account": "acct-sh", "region": "cn-beijing",
          "billing": "subscription", "expiresOn": "2027-12-31", "subscriptionMonths": 12 },
        { "id": "i-hk-landing", "product": "ecs", "account": "acct-sh", "region": "cn-hongkong",
          "billing": "pay-as-you-go", "status": "stopped" }
      ],
      "serviceNumbers": [
        { "number": "5a3e8b71-c2d4-4f69-8e1a-7b90c3d2e581", "instance": "i-bp1shop01", "appliedBy": "acct-hz" },
        { "number": "e17a4c90-3b58-4d2f-b6e1-8c4a5f0d9723", "instance": "i-bp1shop01", "appliedBy": "acct-hz", "used": false },
        { "number": "92e5d7c3-a08b-4e16-b7f2-6d31c8e94a05", "instance": "i-ewh-docs", "appliedBy": "acct-sh" },
        { "number": "0f6c2d9e-41b7-4a3e-9c58-d2e7a1b64f10", "instance": "i-swas-blog", "appliedBy": "acct-hz", "used": true }
      ],
      "filings": [
        { "id": "F-2025-001", "account": "acct-hz", "status": "cancelled", "websites": [
          { "domain": "shop.hz-example.cn", "serviceNumber": "5a3e8b71-c2d4-4f69-8e1a-7b90c3d2e581" } ] }
      ]
    }
    """

    /// Member names, values and ids the rules look at, to be inserted by the mutator.
    static let names: [String] = [
        "\"accounts\"", "\"instances\"", "\"serviceNumbers\"", "\"filings\"", "\"websites\"", "\"$schema\"",
        "\"id\"", "\"name\"", "\"product\"", "\"account\"", "\"region\"", "\"billing\"", "\"expiresOn\"",
        "\"subscriptionMonths\"", "\"publicBandwidthMbps\"", "\"status\"", "\"number\"", "\"instance\"",
        "\"appliedBy\"", "\"used\"", "\"domain\"", "\"hosting\"", "\"serviceNumber\"", "\"providerRemoved\"",
        "\"acct-hz\"", "\"acct-sh\"", "\"acct-hx\"", "\"i-bp1shop01\"", "\"i-bp1shop10\"", "\"i-swas-blog\"",
        "\"i-ewh-docs\"", "\"i-hk-landing\"", "\"5a3e8b71-c2d4-4f69-8e1a-7b90c3d2e581\"",
        "\"e17a4c90-3b58-4d2f-b6e1-8c4a5f0d9723\"", "\"92e5d7c3-a08b-4e16-b7f2-6d31c8e94a05\"",
        "\"0f6c2d9e-41b7-4a3e-9c58-d2e7a1b64f10\"", "\"draft\"", "\"submitted\"", "\"approved\"", "\"cancelled\"",
        "\"alibaba-cloud\"", "\"trustpass\"", "\"other-provider\"", "\"subscription\"", "\"pay-as-you-go\"",
        "\"ecs\"", "\"slb\"", "\"web-hosting\"", "\"cn-hangzhou\"", "\"cn-hongkong\"", "\"ap-southeast-1\"",
        "\"2027-02-29\"", "\"2026-11-20\"", "\"0000-01-01\"", "\"https://www.example.cn:8080/a\"",
        "\"www.hz-example.cn\"", "\"例子.中国\"", "\"\"", "// icp-ignore ICP201", "// icp-ignore ICP102 ICP999",
        "/* icp-ignore */", "// icp-ignore", "\"F-2026-001\"", "\"F-2025-001\"",
    ]
}
