# shellcheck shell=bash
# A private CA and the proxy's server certificates, one per host-name family of the routing grammar.
# Clients trust ca.crt (sslrootcert=...) and can then use sslmode=verify-full against the proxy.

CERTS="$STATE/certs"

certs_up() {
    mkdir -p "$CERTS"
    [[ -s "$CERTS/ca.crt" && -s "$CERTS/ca.key" ]] || create_ca
    ensure_server_cert db "*.db.$DOMAIN" "probe.db.$DOMAIN"
    ensure_server_cert endpoint "*.endpoint.$DOMAIN" "probe.endpoint.$DOMAIN"
    ensure_server_cert start "start.$DOMAIN" "start.$DOMAIN"
}

create_ca() {
    log "creating a local CA in $CERTS"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$CERTS/ca.key" 2>/dev/null)
    openssl req -x509 -new -key "$CERTS/ca.key" -sha256 -days 3650 -subj "/CN=pg-dispatch local CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$CERTS/ca.crt"
}

# Keeps a certificate that is signed by the current CA and still matches the host names of the current
# DISPATCH_DOMAIN; otherwise (first run, new CA, domain changed) issues it again.
ensure_server_cert() {
    local name="$1" san="$2" probe_host="$3"
    if [[ -s "$CERTS/$name.crt" && -s "$CERTS/$name.key" ]] \
        && openssl verify -CAfile "$CERTS/ca.crt" "$CERTS/$name.crt" >/dev/null 2>&1 \
        && openssl x509 -noout -checkhost "$probe_host" -in "$CERTS/$name.crt" | grep -q 'does match'; then
        return 0
    fi
    issue_server_cert "$name" "$san"
}

# PKCS#8 RSA keys in PEM, which both Vert.x and PostgreSQL tools read; the CSR never leaves this function.
issue_server_cert() {
    local name="$1" san="$2" csr
    log "issuing $name.crt for $san"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$CERTS/$name.key" 2>/dev/null)
    csr="$(mktemp)"
    openssl req -new -key "$CERTS/$name.key" -subj "/CN=$san" -out "$csr"
    openssl x509 -req -in "$csr" -CA "$CERTS/ca.crt" -CAkey "$CERTS/ca.key" -CAcreateserial -sha256 -days 825 \
        -out "$CERTS/$name.crt" -extfile <(server_cert_extensions "$san") 2>/dev/null
    rm -f "$csr" "$CERTS/ca.srl"
}

# 825 days above and these extensions are what current TLS clients require of a server certificate.
server_cert_extensions() {
    cat <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:$1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF
}
