// SPDX-License-Identifier: GPL-3.0-or-later
// Profile secrets in a real keychain: the Secret Service that scripts/test.sh starts
// (gnome-keyring under dbus-run-session).
#include "keychaintesting.h"
#include "profiles/secretstore.h"

#include <QTest>

using namespace Specula;
using namespace Specula::ProfilesTest;
using Profiles::SecretStore;
using Secret = SecretStore::Secret;

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { SPECULA_REQUIRE_KEYCHAIN(); }

    void init()
    {
        for (const QString &profile : { u"alpha"_qs, u"beta"_qs, u"gamma"_qs })
            SPECULA_VERIFY_DONE(waitDone([&](auto done) { m_store.removeProfile(profile, done); }));
    }

    void keys()
    {
        QCOMPARE(SecretStore::key(u"lab"_qs, Secret::PrometheusToken), u"profile/lab/prometheus-token"_qs);
        QCOMPARE(SecretStore::key(u"lab"_qs, Secret::PrometheusPassword), u"profile/lab/prometheus-password"_qs);
    }

    void writeReadOverwriteDelete()
    {
        SPECULA_VERIFY_DONE(waitWrite(m_store, u"alpha"_qs, Secret::PrometheusToken, u"first-token"_qs));
        QCOMPARE(waitRead(m_store, u"alpha"_qs, Secret::PrometheusToken).value(), u"first-token"_qs);

        SPECULA_VERIFY_DONE(waitWrite(m_store, u"alpha"_qs, Secret::PrometheusToken, u"second-token"_qs));
        QCOMPARE(waitRead(m_store, u"alpha"_qs, Secret::PrometheusToken).value(), u"second-token"_qs);
        // The password is a separate entry.
        QCOMPARE(waitRead(m_store, u"alpha"_qs, Secret::PrometheusPassword).error().kind, Core::Error::Kind::NotFound);

        SPECULA_VERIFY_DONE(waitDone([&](auto done) { m_store.remove(u"alpha"_qs, Secret::PrometheusToken, done); }));
        QCOMPARE(waitRead(m_store, u"alpha"_qs, Secret::PrometheusToken).error().kind, Core::Error::Kind::NotFound);
        // Removing what is not there is not an error.
        SPECULA_VERIFY_DONE(waitDone([&](auto done) { m_store.remove(u"alpha"_qs, Secret::PrometheusToken, done); }));
    }

    void missingEntry()
    {
        const auto value = waitRead(m_store, u"beta"_qs, Secret::PrometheusToken);
        QVERIFY(!value);
        QCOMPARE(value.error().kind, Core::Error::Kind::NotFound);
        QCOMPARE(value.error().toString(), u"keychain specula profile/beta/prometheus-token: no such entry"_qs);
    }

    void removeProfile()
    {
        SPECULA_VERIFY_DONE(waitWrite(m_store, u"alpha"_qs, Secret::PrometheusToken, u"t"_qs));
        SPECULA_VERIFY_DONE(waitWrite(m_store, u"alpha"_qs, Secret::PrometheusPassword, u"p"_qs));
        SPECULA_VERIFY_DONE(waitDone([&](auto done) { m_store.removeProfile(u"alpha"_qs, done); }));
        QCOMPARE(waitRead(m_store, u"alpha"_qs, Secret::PrometheusToken).error().kind, Core::Error::Kind::NotFound);
        QCOMPARE(waitRead(m_store, u"alpha"_qs, Secret::PrometheusPassword).error().kind, Core::Error::Kind::NotFound);
    }

    void moveProfile()
    {
        SPECULA_VERIFY_DONE(waitWrite(m_store, u"beta"_qs, Secret::PrometheusToken, u"beta-token"_qs));
        SPECULA_VERIFY_DONE(waitWrite(m_store, u"beta"_qs, Secret::PrometheusPassword, u"beta-password"_qs));
        SPECULA_VERIFY_DONE(waitDone([&](auto done) { m_store.moveProfile(u"beta"_qs, u"gamma"_qs, done); }));
        QCOMPARE(waitRead(m_store, u"gamma"_qs, Secret::PrometheusToken).value(), u"beta-token"_qs);
        QCOMPARE(waitRead(m_store, u"gamma"_qs, Secret::PrometheusPassword).value(), u"beta-password"_qs);
        QCOMPARE(waitRead(m_store, u"beta"_qs, Secret::PrometheusToken).error().kind, Core::Error::Kind::NotFound);
        QCOMPARE(waitRead(m_store, u"beta"_qs, Secret::PrometheusPassword).error().kind, Core::Error::Kind::NotFound);
    }

    void moveProfileWithoutSecrets()
    {
        SPECULA_VERIFY_DONE(waitDone([&](auto done) { m_store.moveProfile(u"alpha"_qs, u"gamma"_qs, done); }));
        QCOMPARE(waitRead(m_store, u"gamma"_qs, Secret::PrometheusToken).error().kind, Core::Error::Kind::NotFound);
    }

    void addPrometheusSecrets()
    {
        SPECULA_VERIFY_DONE(waitWrite(m_store, u"alpha"_qs, Secret::PrometheusToken, u"kept-token"_qs));
        Model::PrometheusSettings settings;
        settings.mode = Model::PrometheusSettings::Mode::Url;
        std::optional<Core::Result<Model::PrometheusSettings>> filled;
        auto fill = [&](const Model::PrometheusSettings &given) {
            filled.reset();
            m_store.addPrometheusSecrets(u"alpha"_qs, given, [&](const auto &result) { filled = result; });
            return QTest::qWaitFor([&] { return filled.has_value(); }, keychainTimeoutMs);
        };
        QVERIFY(fill(settings));
        QVERIFY2(filled->ok(), qPrintable(filled->ok() ? QString() : filled->error().toString()));
        QCOMPARE(filled->value().bearerToken, u"kept-token"_qs);
        QCOMPARE(filled->value().password, QString()); // no entry: stays empty

        // What the command line gave wins over the keychain.
        settings.bearerToken = u"from-a-file"_qs;
        QVERIFY(fill(settings));
        QVERIFY(filled->ok());
        QCOMPARE(filled->value().bearerToken, u"from-a-file"_qs);
    }

private:
    SecretStore m_store;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
