// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/staticcredentialsource.h"

#include <QMetaObject>
#include <QObject>

namespace Specula::Kube {

StaticCredentialSource::StaticCredentialSource(Net::Credentials credentials)
    : m_credentials(std::move(credentials))
{ }

QByteArray StaticCredentialSource::bearer(const QString &token)
{
    return QByteArrayLiteral("Bearer ") + token.toUtf8();
}

QByteArray StaticCredentialSource::basic(const QString &username, const QString &password)
{
    return QByteArrayLiteral("Basic ") + (username + QLatin1Char(':') + password).toUtf8().toBase64();
}

void StaticCredentialSource::fetch(QObject *context, Callback done)
{
    deliver(context, std::move(done), m_credentials);
}

void StaticCredentialSource::deliver(QObject *context, Callback done, const Core::Result<Net::Credentials> &result)
{
    // Queued even on the same thread: callers must never be re-entered from fetch().
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace Specula::Kube
