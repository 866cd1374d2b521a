internal import COpenSSL

/// A certificate and its private key, both PEM.
public struct IssuedCertificate: Sendable {
    /// The certificate, PEM.
    public var certificatePEM: [UInt8]
    /// The unencrypted private key as PKCS#8 PEM; keep it out of logs.
    public var privateKeyPEM: [UInt8]

    /// Creates an issued certificate from PEM text.
    public init(certificatePEM: [UInt8], privateKeyPEM: [UInt8]) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }
}

/// A small certificate authority for the embedded cluster and tests: it issues serving certificates
/// and client certificates that `kubectl`, `curl` and ``HTTPClient`` accept.
///
/// Keys are ECDSA P-256, signatures SHA-256, serial numbers 128 random bits, and every certificate is
/// valid from one hour before issue (for clock skew) for the requested number of days.
///
/// ```swift
/// let authority = try CertificateAuthority.generate(commonName: "poolpilot-ca")
/// let serving = try authority.issueServingCertificate(dnsNames: ["poolpilot-apiserver"])
/// let admin = try authority.issueClientCertificate(commonName: "admin", organizations: ["system:masters"])
/// ```
public struct CertificateAuthority: Sendable {
    /// The authority's certificate, PEM: what clients trust and what kubeconfig's `certificate-authority-data` holds.
    public let certificatePEM: [UInt8]
    /// The authority's private key, PEM.
    public let privateKeyPEM: [UInt8]

    /// Uses an existing authority.
    ///
    /// - Throws: ``HTTPError/tls(_:)`` when either PEM block does not parse or the key is not the certificate's.
    public init(certificatePEM: [UInt8], privateKeyPEM: [UInt8]) throws {
        let certificate = try OpenSSL.certificates(fromPEM: certificatePEM, what: "the authority certificate")
        defer { certificate.forEach { X509_free($0) } }
        let key = try OpenSSL.privateKey(fromPEM: privateKeyPEM, what: "the authority key")
        defer { EVP_PKEY_free(key) }
        guard X509_check_private_key(certificate[0], key) == 1 else {
            throw HTTPError.tls("the authority key does not match its certificate")
        }
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// Generates a new self-signed authority.
    ///
    /// - Parameter validityDays: How long the authority is valid. Default: 3650 (ten years).
    public static func generate(commonName: String = "poolpilot-ca", validityDays: Int = 3650) throws
        -> CertificateAuthority
    {
        let key = try newKey()
        defer { EVP_PKEY_free(key) }
        let certificate = try newCertificate(subject: [("CN", commonName)], key: key, validityDays: validityDays)
        defer { X509_free(certificate) }
        try addExtensions(
            [
                (NID_basic_constraints, "critical,CA:TRUE"),
                (NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature"),
                (NID_subject_key_identifier, "hash"),
            ],
            to: certificate,
            issuer: certificate
        )
        try sign(certificate, key: key)
        return try CertificateAuthority(
            certificatePEM: OpenSSL.pem(ofCertificate: certificate),
            privateKeyPEM: OpenSSL.pem(ofPrivateKey: key)
        )
    }

    /// Issues a serving certificate for `localhost` and `127.0.0.1` plus the given names.
    ///
    /// - Parameters:
    ///   - dnsNames: Extra DNS subject alternative names.
    ///   - ipAddresses: Extra IP subject alternative names, e.g. pod addresses like "127.0.1.7".
    ///   - validityDays: Default: 365.
    public func issueServingCertificate(
        commonName: String = "poolpilot-apiserver",
        dnsNames: [String] = [],
        ipAddresses: [String] = [],
        validityDays: Int = 365
    ) throws -> IssuedCertificate {
        let names = (["localhost"] + dnsNames).map { "DNS:\($0)" } + (["127.0.0.1"] + ipAddresses).map { "IP:\($0)" }
        guard names.allSatisfy({ !$0.contains(",") && !$0.contains(" ") }) else {
            throw HTTPError.tls("subject alternative names must not contain commas or spaces")
        }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return try issue(
            subject: [("CN", commonName)],
            extensions: [
                (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
                (NID_ext_key_usage, "serverAuth"),
                (NID_subject_alt_name, unique.joined(separator: ",")),
            ],
            validityDays: validityDays
        )
    }

    /// Issues a client certificate; Kubernetes reads `commonName` as the user and `organizations` as groups.
    ///
    /// - Parameter validityDays: Default: 365.
    public func issueClientCertificate(
        commonName: String,
        organizations: [String] = [],
        validityDays: Int = 365
    ) throws -> IssuedCertificate {
        try issue(
            subject: organizations.map { ("O", $0) } + [("CN", commonName)],
            extensions: [
                (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
                (NID_ext_key_usage, "clientAuth"),
            ],
            validityDays: validityDays
        )
    }

    // MARK: - Building certificates

    private func issue(
        subject: [(String, String)],
        extensions: [(Int32, String)],
        validityDays: Int
    ) throws -> IssuedCertificate {
        let authorities = try OpenSSL.certificates(fromPEM: certificatePEM, what: "the authority certificate")
        defer { authorities.forEach { X509_free($0) } }
        let authorityKey = try OpenSSL.privateKey(fromPEM: privateKeyPEM, what: "the authority key")
        defer { EVP_PKEY_free(authorityKey) }

        let key = try Self.newKey()
        defer { EVP_PKEY_free(key) }
        let certificate = try Self.newCertificate(subject: subject, key: key, validityDays: validityDays)
        defer { X509_free(certificate) }
        guard X509_set_issuer_name(certificate, X509_get_subject_name(authorities[0])) == 1 else {
            throw HTTPError.tls("cannot set the issuer: \(OpenSSL.drainErrors())")
        }
        let common: [(Int32, String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"),
            (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
        ]
        try Self.addExtensions(common + extensions, to: certificate, issuer: authorities[0])
        try Self.sign(certificate, key: authorityKey)
        return IssuedCertificate(
            certificatePEM: try OpenSSL.pem(ofCertificate: certificate),
            privateKeyPEM: try OpenSSL.pem(ofPrivateKey: key)
        )
    }

    private static func newKey() throws -> OpaquePointer {
        guard let key = copenssl_generate_p256_key() else {
            throw HTTPError.tls("cannot generate a key: \(OpenSSL.drainErrors())")
        }
        return key
    }

    /// A version 3 certificate with a random serial, validity, subject (also the issuer until set) and public key.
    private static func newCertificate(
        subject: [(String, String)],
        key: OpaquePointer,
        validityDays: Int
    ) throws -> OpaquePointer {
        guard let certificate = X509_new() else { throw HTTPError.tls("cannot allocate a certificate") }
        var serial = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&serial, Int32(serial.count)) == 1, let number = BN_bin2bn(serial, Int32(serial.count), nil)
        else {
            X509_free(certificate)
            throw HTTPError.tls("cannot draw a serial number: \(OpenSSL.drainErrors())")
        }
        defer { BN_free(number) }

        let name = X509_get_subject_name(certificate)
        var isBuilt = X509_set_version(certificate, 2) == 1
        isBuilt = isBuilt && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil
        isBuilt = isBuilt && X509_gmtime_adj(X509_getm_notBefore(certificate), -3600) != nil
        isBuilt = isBuilt && X509_gmtime_adj(X509_getm_notAfter(certificate), validityDays * 86_400) != nil
        for (field, value) in subject where isBuilt {
            isBuilt = X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0) == 1
        }
        isBuilt = isBuilt && X509_set_issuer_name(certificate, name) == 1 && X509_set_pubkey(certificate, key) == 1
        guard isBuilt else {
            X509_free(certificate)
            throw HTTPError.tls("cannot build a certificate: \(OpenSSL.drainErrors())")
        }
        return certificate
    }

    private static func addExtensions(
        _ extensions: [(Int32, String)],
        to certificate: OpaquePointer,
        issuer: OpaquePointer
    ) throws {
        for (nid, value) in extensions where copenssl_add_extension(certificate, issuer, nid, value) != 1 {
            throw HTTPError.tls("cannot add extension \(value): \(OpenSSL.drainErrors())")
        }
    }

    private static func sign(_ certificate: OpaquePointer, key: OpaquePointer) throws {
        guard X509_sign(certificate, key, EVP_sha256()) > 0 else {
            throw HTTPError.tls("cannot sign a certificate: \(OpenSSL.drainErrors())")
        }
    }
}
