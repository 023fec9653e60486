// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <variant>

namespace Specula::Kube {

// PEM certificates and private keys as kubeconfig files and exec plugins carry them. Failures
// are a reason in words; the caller adds where the bytes came from.
class KubeConfigPem
{
public:
    // One or more PEM certificates; any block that does not parse is an error.
    static std::variant<QList<QSslCertificate>, QString> certificates(const QByteArray &pem);
    // An unencrypted RSA or EC key, PKCS#1 / SEC1 / PKCS#8. QSslKey needs the algorithm up front, so
    // both are tried.
    static std::variant<QSslKey, QString> privateKey(const QByteArray &pem);
};

} // namespace Specula::Kube
