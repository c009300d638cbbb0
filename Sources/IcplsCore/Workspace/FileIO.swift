#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IcplsDocument

public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Reading and atomically writing whole files.
public enum FileIO {
    /// Reads a file; past `JSONCParser.sizeLimit` only one byte more is read, which is enough to say it is too large.
    public static func readFile(_ path: String, limit: Int = JSONCParser.sizeLimit + 1) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileError(path: path, reason: FilePath.errorText(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileError(path: path, reason: FilePath.errorText(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(path: path, reason: (info.st_mode & S_IFMT) == S_IFDIR ? "is a folder" : "not a regular file")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), limit))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: FilePath.errorText(errno))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    /// Writes through a temporary file in the same folder, then renames it over
    /// the original, keeping the original's permissions (and owner, where allowed).
    /// A read-only original is refused; a symbolic link is written through to its
    /// target. On any failure the original is left as it was.
    public static func writeAtomically(_ bytes: [UInt8], to givenPath: String) throws(FileError) {
        var path = givenPath
        if let resolved = realpath(givenPath, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, access(path, W_OK) != 0 || info.st_mode & 0o222 == 0 {
            throw FileError(path: givenPath, reason: "the file is read-only")
        }
        let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o644
        let directory = FilePath.parent(path)
        var template = Array((directory + "/." + FilePath.lastComponent(path) + ".icpls-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileError(path: givenPath, reason: "cannot write in its folder: " + FilePath.errorText(errno)) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if exists, info.st_uid != geteuid() || info.st_gid != getegid() {
            _ = fchown(descriptor, info.st_uid, info.st_gid)
        }
        func fail(_ reason: String) -> FileError {
            close(descriptor)
            unlink(temporary)
            return FileError(path: givenPath, reason: reason)
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail(FilePath.errorText(errno))
            }
            written += count
        }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw fail(FilePath.errorText(errno)) }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = FilePath.errorText(errno)
            unlink(temporary)
            throw FileError(path: givenPath, reason: reason)
        }
    }
}
