// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/credentials.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QString>
#include <chrono>
#include <optional>

namespace Specula::Kube {

// A kubeconfig `tokenFile`: the file is re-read because tools rotate it (projected service
// account tokens), but at most once per `maxAge`, as client-go does, to spare the disk.
class TokenFileCredentialSource final : public Net::CredentialSource
{
public:
    // `base` carries anything else the user has (a client certificate).
    TokenFileCredentialSource(QString path, QString userName, Net::Credentials base = Net::Credentials(),
                              std::chrono::milliseconds maxAge = std::chrono::minutes(1));

    void fetch(QObject *context, Callback done) override;
    void invalidate() override;

private:
    Core::Result<Net::Credentials> read() const;

    const QString m_path;
    const QString m_userName;
    const Net::Credentials m_base;
    const std::chrono::milliseconds m_maxAge;
    QMutex m_mutex;
    std::optional<Net::Credentials> m_cached;
    QDeadlineTimer m_fresh;
};

} // namespace Specula::Kube
