import IcplsCore
import IcplsJSONRPC

/// Settings in the server, lowest first: `.icpls.json` of the first workspace
/// folder that has one, `initializationOptions`, then what the client sends
/// later (`didChangeConfiguration`, `workspace/configuration` answers).
struct ServerSettings {
    var file = Settings()
    var initializationOptions = Settings()
    var client = Settings()

    var effective: Settings {
        file.merged(with: initializationOptions).merged(with: client)
    }
}

extension LanguageServer {
    /// Reads settings, showing each bad member with `window/showMessage`; the rest still counts.
    func readSettings(_ value: JSONValue, source: String) -> Settings {
        // Lua and some other clients cannot tell an empty table from an empty list: `[]` is no settings.
        if value.arrayValue?.isEmpty == true { return Settings() }
        let (settings, problems) = SettingsReader.read(Self.settingsValue(value))
        for problem in problems {
            showMessage(type: 2, "icpls: bad setting in \(source): \(problem.message); it is ignored.")
        }
        return settings
    }

    func loadSettingsFile() {
        for root in workspace.roots {
            let path = (root.path == "/" ? "" : root.path) + "/.icpls.json"
            guard let bytes = try? FileIO.readFile(path) else { continue }
            let (settings, problems) = SettingsReader.read(jsonc: bytes)
            for problem in problems {
                showMessage(type: 2, "icpls: bad setting in \(path): \(problem.message); it is ignored.")
            }
            setFileSettings(settings)
            return
        }
        setFileSettings(Settings())
    }

    private func setFileSettings(_ value: Settings) {
        settings.file = value
    }

    /// `workspace/didChangeConfiguration`: `settings.icpls`, or flat settings from clients that send them so.
    /// Later settings win member by member (SPEC §5): `asOf` when given, `rules` per rule ID.
    func didChangeConfiguration(_ params: JSONValue?) {
        if let value = params?["settings"], !value.isNull {
            let section = value["icpls"] ?? (value["asOf"] != nil || value["rules"] != nil ? value : nil)
            if let section, !section.isNull {
                settings.client = settings.client.merged(with: readSettings(section, source: "the editor's settings"))
                diagnostics.needsValidation = true
            }
        }
        requestConfiguration()
    }

    /// Asks the client for the `icpls` section when it answers `workspace/configuration`.
    func requestConfiguration() {
        guard client.supportsConfigurationRequests else { return }
        request("workspace/configuration", ["items": [["section": "icpls"]]]) { [weak self] outcome in
            guard let self, case .success(let answer) = outcome, let section = answer[0], !section.isNull else { return }
            self.settings.client = self.settings.client.merged(with: self.readSettings(section, source: "the editor's settings"))
            self.diagnostics.needsValidation = true
        }
    }

    static func settingsValue(_ value: JSONValue) -> SettingsValue {
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .integer(let integer): return .number(Double(integer))
        case .number(let number): return .number(number)
        case .string(let string): return .string(string)
        case .array(let elements): return .array(elements.map(settingsValue))
        case .object(let object): return .object(object.map { ($0.key, settingsValue($0.value)) })
        }
    }
}
