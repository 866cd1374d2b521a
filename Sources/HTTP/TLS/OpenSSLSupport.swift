internal import COpenSSL

/// Small helpers over OpenSSL's PEM and error APIs, shared by the TLS server and the certificate factory.
///
/// Every function that returns a pointer hands ownership to the caller, who frees it
/// (`X509_free`, `EVP_PKEY_free`).
enum OpenSSL {
    /// OpenSSL's queued errors as text, oldest first; clears the queue.
    static func drainErrors() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "unknown openssl error" : messages.joined(separator: "; ")
    }

    /// Runs `body` with a read-only memory BIO over `bytes`.
    static func withMemoryBIO<T>(_ bytes: [UInt8], _ body: (OpaquePointer) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else {
                throw HTTPError.tls("cannot allocate a memory bio: \(drainErrors())")
            }
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }

    /// Every certificate in a PEM bundle, in order; the caller frees each with `X509_free`.
    ///
    /// - Throws: ``HTTPError/tls(_:)`` when the bundle holds no certificate.
    static func certificates(fromPEM pem: [UInt8], what: String) throws -> [OpaquePointer] {
        let certificates: [OpaquePointer] = try withMemoryBIO(pem) { bio in
            var found: [OpaquePointer] = []
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) { found.append(certificate) }
            return found
        }
        ERR_clear_error()  // The loop ends on a "no start line" error, which is expected.
        guard !certificates.isEmpty else { throw HTTPError.tls("no certificate found in \(what)") }
        return certificates
    }

    /// The private key in a PEM document (PKCS#8, SEC1 or PKCS#1); the caller frees it with `EVP_PKEY_free`.
    static func privateKey(fromPEM pem: [UInt8], what: String) throws -> OpaquePointer {
        let key = try withMemoryBIO(pem) { bio in PEM_read_bio_PrivateKey(bio, nil, nil, nil) }
        guard let key else { throw HTTPError.tls("cannot read \(what): \(drainErrors())") }
        return key
    }

    /// A certificate as PEM text.
    static func pem(ofCertificate certificate: OpaquePointer) throws -> [UInt8] {
        try writeToMemory { bio in PEM_write_bio_X509(bio, certificate) }
    }

    /// A private key as unencrypted PKCS#8 PEM text.
    static func pem(ofPrivateKey key: OpaquePointer) throws -> [UInt8] {
        try writeToMemory { bio in PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) }
    }

    private static func writeToMemory(_ write: (OpaquePointer) -> Int32) throws -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw HTTPError.tls("cannot allocate a memory bio") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw HTTPError.tls("cannot write pem: \(drainErrors())") }
        var data: UnsafeMutablePointer<CChar>?
        let length = copenssl_bio_get_mem_data(bio, &data)
        guard let data, length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The text of every entry with `nid` (such as `NID_organizationName`) in an X.509 name, in order.
    static func entries(_ nid: Int32, in name: OpaquePointer) -> [String] {
        var values: [String] = []
        var index: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            guard index >= 0, let entry = X509_NAME_get_entry(name, index) else { break }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry))
            guard length >= 0, let utf8 else { continue }
            defer { copenssl_free(utf8) }
            values.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self))
        }
        return values
    }

    /// The identity Kubernetes reads from a client certificate: CN is the user, each O a group.
    static func identity(of certificate: OpaquePointer) -> ClientCertificateIdentity? {
        guard let subject = X509_get_subject_name(certificate) else { return nil }
        let commonName = entries(NID_commonName, in: subject).first ?? ""
        return ClientCertificateIdentity(
            commonName: commonName,
            organizations: entries(NID_organizationName, in: subject)
        )
    }
}
