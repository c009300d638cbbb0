/// The workspace the feature tests share: an inventory, an approved filing
/// that consumes what it uses, and a draft filing with one problem of each
/// fixable kind, written after a line of Chinese and emoji so that columns
/// differ between encodings.
enum FeatureFixtures {
    static let inventory = "inventory.icp.json"
    static let approved = "filings/approved.icp.json"
    static let draft = "filings/draft.icp.json"

    static let settings = #"{ "asOf": "2026-11-23" }"#

    static var files: [String: String] {
        [inventory: inventoryText, approved: approvedText, draft: draftText]
    }

    static let inventoryText = """
    {
      // 库存 🚀 杭州
      "accounts": [
        { "id": ⟦(acct-buy)"acct-‸(acct-buy)buy"⟧, "name": "杭州示例科技有限公司 🏢" },
        { "id": "acct-ops", "name": "运维账号" }
      ],
      "instances": [
        { "id": ⟦(i-main)"i-‸(i-main)main"⟧, "product": ⟦(product)"e‸(product)cs"⟧, "account": "acct-buy",
          "region": ⟦(region)"cn-‸(region)hangzhou"⟧, "billing": "subscription",
          "expiresOn": "2027-11-30", "subscriptionMonths": 12, "publicBandwidthMbps": 5 },
        { "id": ⟦(i-spare)"i-spare"⟧, "product": "ecs", "account": "acct-buy", "region": "cn-beijing", "billing": "subscription",
          "expiresOn": "2099-01-01", "publicBandwidthMbps": 10, "status": ⟦(status)"‸(status)running"⟧ },
        { "id": ⟦(i-hk)"i-hk"⟧, "product": "simple-application-server", "account": "acct-buy", "region": "cn-hongkong",
          "billing": "subscription", "expiresOn": "2099-01-01" },
        { "id": ⟦(i-ewh-1)"i-ewh-1"⟧, "product": "elastic-web-hosting", "account": "acct-buy", "region": "cn-shanghai",
          "billing": "subscription", "expiresOn": "2099-01-01" },
        { "id": ⟦(i-ewh-2)"i-ewh-2"⟧, "product": "elastic-web-hosting", "account": "acct-buy", "region": "cn-shanghai",
          "billing": ⟦(billing)"‸(billing)subscription"⟧, "expiresOn": "2099-01-01" }
      ],
      "serviceNumbers": [
        { "number": "n-spare-1", "instance": "i-spare", "appliedBy": "acct-buy" },
        { "number": ⟦(n-main-1)"n-main-1"⟧, "instance": ⟦(i-main-ref)"i-main"⟧, "appliedBy": "acct-buy" },
        { "number": ⟦(n-main-2)"n-main-2"⟧, "instance": ⟦(i-main-ref-2)"i-main"⟧, "appliedBy": "acct-buy" },
        { "number": "n-main-3", "instance": ⟦(i-main-ref-3)"i-main"⟧, "appliedBy": "acct-buy" },
        { "number": "n-spare-2", "instance": "i-spare", "appliedBy": "acct-buy" },
        { "number": "n-ewh-1", "instance": "i-ewh-1", "appliedBy": "acct-buy" },
        { "number": "n-ewh-2", "instance": "i-ewh-2", "appliedBy": "acct-buy" },
        { "number": "n-hk", "instance": "i-hk", "appliedBy": "acct-buy" }
      ]
    }
    """

    static let approvedText = """
    {
      "filings": [
        { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [
          { "domain": "shop.example.cn", "serviceNumber": ⟦(n-main-1)"n-main-1"⟧ },
          { "domain": "direct.example.cn", "instance": ⟦(i-main)"i-main"⟧ },
          { "domain": "ewh.example.cn", "instance": "i-ewh-1" }
        ] }
      ]
    }
    """

    static let draftText = """
    {
      // 草稿 🚧 备案：杭州示例科技有限公司 🏢
      "filings": [
        { "id": "F-2", "account": ⟦(ops)"acct-‸(ops)ops"⟧, "websites": [
          /* 博客 🚀 */ { "domain": "博客.example.cn", "serviceNumber": ⟦(reused)"n-‸(reused)main-1"⟧ },
          ⟦(missing){⟧ ‸(missing-insert)"domain": "new.example.cn" },
          { "domain": "two.example.cn" },
          { "domain": "pick.example.cn", "instance": ⟦(picked)"i-spare"⟧ },
          { "domain": "typo.example.cn", "instance": ⟦(i-spar)"i-spar"⟧ },
          { "domain": "pool.example.cn", "instance": ⟦(i-ewh-3)"i-ewh-3"⟧ },
          { "domain": "number.example.cn", "serviceNumber": ⟦(n-main-22)"n-main-22"⟧ },
          { "domain": ⟦(url)"https://www.example.cn:8443/shop"⟧, "hosting": ⟦(hosting)"trust‸(hosting)pass"⟧ },
          { "domain": ⟦(tp-domain)"tp.‸(tp-domain)example.cn"⟧, ⟦(tp-key)"in‸(tp-key)stance"⟧: ⟦(i-main)"i-‸(i-main)main"⟧, /* 淘宝 🛒 */ "hosting": "trustpass" },
          { "domain": "hk.example.cn", "serviceNumber": ⟦(hk)"n-hk"⟧ }
        ] },
        { "id": "F-3", "account": ⟦(bye)"acct-bye"⟧, "status": ⟦(submited)"submited"⟧,
          ⟦(tpyo)"websties"⟧: [] }
      ]
    }
    """
}
