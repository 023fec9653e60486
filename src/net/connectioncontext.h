// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/credentials.h"

#include <QList>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

namespace Specula::Net {

// Everything needed to talk to one API server, resolved from a kubeconfig context (or a
// profile): where, how to verify it, how to prove who we are. A value; the credential source
// is shared between copies.
struct ConnectionContext
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString defaultNamespace; // the context's namespace, "default" when unset
    QString sourceFile; // the kubeconfig file that defined the context, for messages

    QUrl server;
    QList<QSslCertificate> caCertificates; // empty: the system's trust store
    bool insecureSkipTlsVerify = false;
    QString tlsServerName; // name to verify the server certificate against, when set
    std::optional<QNetworkProxy> proxy; // from proxy-url; nothing: the system's proxy settings
    bool disableCompression = false;

    std::shared_ptr<CredentialSource> credentials; // null: anonymous
};

} // namespace Specula::Net
