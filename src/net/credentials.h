// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QSslKey>
#include <functional>

class QObject;

namespace Specula::Net {

// What goes on the wire to prove who we are: an Authorization header value and/or a client
// certificate. Either may be empty.
struct Credentials
{
    QByteArray authorization; // "Bearer …" or "Basic …"; never logged
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    QDateTime expiresAt; // invalid: does not expire
};

// Where credentials come from (a static token, a token file, an exec plugin). Asynchronous,
// because an exec plugin runs a process; implementations cache until expiry.
class CredentialSource
{
public:
    virtual ~CredentialSource() = default;
    using Callback = std::function<void(const Core::Result<Credentials> &)>;
    // Calls `done` exactly once, on the thread of `context`, unless `context` is destroyed first.
    virtual void fetch(QObject *context, Callback done) = 0;
    // The server rejected the last credentials (401): forget any cached ones.
    virtual void invalidate() = 0;
};

} // namespace Specula::Net
