// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Waiting for SecretStore's callbacks, and the one check every keychain test starts with.
#include "profiles/secretstore.h"

#include <QCoreApplication>
#include <QTest>

namespace Specula::ProfilesTest {

constexpr int keychainTimeoutMs = 20000;

inline Core::Error timedOut()
{
    Core::Error error;
    error.kind = Core::Error::Kind::Timeout;
    error.message = QStringLiteral("the keychain did not answer in time");
    return error;
}

// Starts one SecretStore call that answers with DoneCallback and waits for the answer.
template<class Call> std::optional<Core::Error> waitDone(Call call)
{
    bool answered = false;
    std::optional<Core::Error> result;
    call([&](const std::optional<Core::Error> &error) {
        result = error;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, keychainTimeoutMs))
        return timedOut();
    return result;
}

inline Core::Result<QString> waitRead(Profiles::SecretStore &store, const QString &profile,
                                      Profiles::SecretStore::Secret secret)
{
    std::optional<Core::Result<QString>> result;
    store.read(profile, secret, [&](const Core::Result<QString> &value) { result = value; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, keychainTimeoutMs))
        return timedOut();
    return *result;
}

inline std::optional<Core::Error> waitWrite(Profiles::SecretStore &store, const QString &profile,
                                            Profiles::SecretStore::Secret secret, const QString &value)
{
    return waitDone([&](auto done) { store.write(profile, secret, value, done); });
}

// Empty when a write and a read of a probe entry work, else why not.
inline QString keychainProblem()
{
    Profiles::SecretStore store;
    // Tests run in parallel against one keychain: each probes its own entry.
    const QString probe = QStringLiteral("keychain-probe-%1").arg(QCoreApplication::applicationPid());
    if (auto error = waitWrite(store, probe, Profiles::SecretStore::Secret::PrometheusToken, probe))
        return error->toString();
    if (auto value = waitRead(store, probe, Profiles::SecretStore::Secret::PrometheusToken); !value)
        return value.error().toString();
    waitDone([&](auto done) { store.removeProfile(probe, done); });
    return {};
}

} // namespace Specula::ProfilesTest

// scripts/test.sh (which sets HOME_FOR_TESTS) always provides a Secret Service, so there a
// missing keychain fails the test; run any other way, the test is skipped with the reason.
#define SPECULA_REQUIRE_KEYCHAIN()                                                                                     \
    do {                                                                                                               \
        if (const QString problem = Specula::ProfilesTest::keychainProblem(); !problem.isEmpty()) {                    \
            if (qEnvironmentVariableIsSet("HOME_FOR_TESTS"))                                                           \
                QFAIL(qPrintable(QStringLiteral("no keychain under scripts/test.sh: ") + problem));                    \
            QSKIP(qPrintable(QStringLiteral("no Secret Service (run scripts/test.sh): ") + problem));                  \
        }                                                                                                              \
    } while (false)

// Fails the test with the keychain's own message when a call that answers with DoneCallback fails.
#define SPECULA_VERIFY_DONE(expression)                                                                                \
    do {                                                                                                               \
        const std::optional<Specula::Core::Error> error_ = (expression);                                               \
        QVERIFY2(!error_, error_ ? qPrintable(error_->toString()) : "");                                               \
    } while (false)
