// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/tokenfilecredentialsource.h"

#include "kube/staticcredentialsource.h"

#include <QFile>

namespace Specula::Kube {

TokenFileCredentialSource::TokenFileCredentialSource(QString path, QString userName, Net::Credentials base,
                                                     std::chrono::milliseconds maxAge)
    : m_path(std::move(path))
    , m_userName(std::move(userName))
    , m_base(std::move(base))
    , m_maxAge(maxAge)
{ }

Core::Result<Net::Credentials> TokenFileCredentialSource::read() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::Error { Core::Error::Kind::Auth,
                             QStringLiteral("user \"%1\": tokenFile: cannot read \"%2\": %3")
                                 .arg(m_userName, m_path, file.errorString()),
                             m_path,
                             0,
                             {} };
    }
    const QString token = QString::fromUtf8(file.readAll()).trimmed();
    if (token.isEmpty()) {
        return Core::Error { Core::Error::Kind::Auth,
                             QStringLiteral("user \"%1\": tokenFile: \"%2\" is empty").arg(m_userName, m_path),
                             m_path,
                             0,
                             {} };
    }
    Net::Credentials credentials = m_base;
    credentials.authorization = StaticCredentialSource::bearer(token);
    return credentials;
}

void TokenFileCredentialSource::fetch(QObject *context, Callback done)
{
    QMutexLocker locker(&m_mutex);
    if (!m_cached || m_fresh.hasExpired()) {
        const auto result = read();
        if (!result) {
            m_cached.reset();
            locker.unlock();
            StaticCredentialSource::deliver(context, std::move(done), result);
            return;
        }
        m_cached = *result;
        m_fresh = QDeadlineTimer(m_maxAge);
    }
    const Net::Credentials credentials = *m_cached;
    locker.unlock();
    StaticCredentialSource::deliver(context, std::move(done), credentials);
}

void TokenFileCredentialSource::invalidate()
{
    QMutexLocker locker(&m_mutex);
    m_cached.reset();
}

} // namespace Specula::Kube
