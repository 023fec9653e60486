// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeconfigpem.h"

namespace Specula::Kube {

std::variant<QList<QSslCertificate>, QString> KubeConfigPem::certificates(const QByteArray &pem)
{
    const int blocks = pem.count("-----BEGIN CERTIFICATE-----");
    if (blocks == 0)
        return QStringLiteral("no PEM certificate (\"-----BEGIN CERTIFICATE-----\") found");
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.size() != blocks)
        return QStringLiteral("%1 of %2 PEM certificate blocks could not be parsed")
            .arg(blocks - certificates.size())
            .arg(blocks);
    for (const QSslCertificate &certificate : certificates) {
        if (certificate.isNull())
            return QStringLiteral("a PEM certificate block could not be parsed");
    }
    return certificates;
}

std::variant<QSslKey, QString> KubeConfigPem::privateKey(const QByteArray &pem)
{
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED"))
        return QStringLiteral("the private key is encrypted; kubeconfig keys must be unencrypted");
    if (!pem.contains("PRIVATE KEY-----"))
        return QStringLiteral("no PEM private key (\"-----BEGIN ... PRIVATE KEY-----\") found");
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec }) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return QStringLiteral("the private key could not be parsed as an RSA or EC key");
}

} // namespace Specula::Kube
