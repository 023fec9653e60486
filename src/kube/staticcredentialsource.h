// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/credentials.h"

namespace Specula::Kube {

// Credentials written into the kubeconfig itself: a token, username/password, a client
// certificate, an OIDC id-token. Nothing to refresh; invalidate() has nothing to forget.
class StaticCredentialSource final : public Net::CredentialSource
{
public:
    explicit StaticCredentialSource(Net::Credentials credentials);

    static QByteArray bearer(const QString &token);
    static QByteArray basic(const QString &username, const QString &password);

    void fetch(QObject *context, Callback done) override;
    void invalidate() override { }

    // Delivers `result` to `done` later, on the thread of `context` (shared by every source).
    static void deliver(QObject *context, Callback done, const Core::Result<Net::Credentials> &result);

private:
    Net::Credentials m_credentials;
};

} // namespace Specula::Kube
