// SPDX-License-Identifier: GPL-3.0-or-later
// Saved profiles in their settings file: round trips, every kind of corrupt file, atomic saves,
// the first run from a kubeconfig, and secrets that stay out of the file.
#include "keychaintesting.h"
#include "kube/kubeconfig.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using namespace Specula::ProfilesTest;
using Model::PrometheusSettings;
using Profiles::Profile;
using Profiles::ProfileStore;

namespace {

QStringList messages(const QList<Core::Error> &errors)
{
    QStringList texts;
    for (const Core::Error &error : errors)
        texts.append(error.toString());
    return texts;
}

QStringList names(const QList<Profile> &profiles)
{
    QStringList texts;
    for (const Profile &profile : profiles)
        texts.append(profile.name);
    return texts;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QList<Profile> sampleProfiles()
{
    Profile direct;
    direct.name = u"mimir team-a"_qs;
    direct.kubeconfig = u"/home/me/.kube/lab.yaml"_qs;
    direct.context = u"lab-admin"_qs;
    direct.prometheus = PrometheusSettings::parse(u"https://mimir.example:8443/prometheus"_qs).value();
    direct.prometheus.username = u"reader"_qs;
    direct.prometheus.headers = { { "X-Scope-OrgID", "team-a" }, { "X-Extra", "a, b" } };
    direct.prometheus.caFile = u"/etc/ssl/mimir-ca.pem"_qs;
    direct.prometheus.insecureSkipTlsVerify = true;
    direct.refreshSeconds = 15;
    direct.namespaces = { u"training"_qs, u"inference"_qs };

    Profile service;
    service.name = u"openshift"_qs;
    service.prometheus = PrometheusSettings::parse(u"service:openshift-monitoring/https:thanos-querier:web"_qs).value();
    service.refreshSeconds = 120;
    service.namespaces = { u"gpu-operator"_qs };

    Profile quiet;
    quiet.name = u"kind"_qs;
    quiet.context = u"kind-kind"_qs;
    quiet.prometheus.mode = PrometheusSettings::Mode::None;
    return { direct, service, quiet };
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip()
    {
        ProfileStore store(m_dir.filePath(u"nested/folder/profiles.ini"_qs));
        store.setProfiles(sampleProfiles());
        store.setLastUsed(u"openshift"_qs);
        SPECULA_VERIFY_DONE(store.save());

        ProfileStore loaded(store.path());
        QCOMPARE(messages(loaded.load()), QStringList());
        QCOMPARE(loaded.profiles(), sampleProfiles());
        QCOMPARE(loaded.lastUsed(), u"openshift"_qs);
        QCOMPARE(loaded.find(u"kind"_qs)->context, u"kind-kind"_qs);
        QVERIFY(!loaded.find(u"nope"_qs));
    }

    void missingFileIsAFirstRun()
    {
        ProfileStore store(m_dir.filePath(u"never-written.ini"_qs));
        QCOMPARE(messages(store.load()), QStringList());
        QVERIFY(store.profiles().isEmpty());
    }

    void defaultPathFollowsTheEnvironment()
    {
        qputenv("SPECULA_PROFILES_FILE", "/somewhere/else.ini");
        QCOMPARE(ProfileStore::defaultPath(), u"/somewhere/else.ini"_qs);
        qunsetenv("SPECULA_PROFILES_FILE");
        QVERIFY(ProfileStore::defaultPath().endsWith(u"/profiles.ini"_qs));
    }

    void corruptFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected"); // messages without the leading "<file>: "
        QTest::addColumn<QStringList>("loaded");
        const QByteArray good = "[General]\nversion=1\n[profiles]\n1\\name=good\n";
        QTest::addRow("garbage bytes") << QByteArray(
            "\x00\xff\xfe\x01[[[\n=\x7f\x80garbage\n",
            18) << QStringList { u"not a Specula profiles file (version '', expected 1); no profiles loaded"_qs }
                                       << QStringList();
        QTest::addRow("other version")
            << QByteArray("[General]\nversion=7\n[profiles]\n1\\name=a\nsize=1\n")
            << QStringList { u"not a Specula profiles file (version '7', expected 1); no profiles loaded"_qs }
            << QStringList();
        QTest::addRow("no name") << good + "2\\context=ctx\n3\\name=third\nsize=3\n"
                                 << QStringList { u"profile 2 has no name; skipped"_qs }
                                 << QStringList { u"good"_qs, u"third"_qs };
        QTest::addRow("duplicate name") << good + "2\\name=good\nsize=2\n"
                                        << QStringList { u"profile 2: the name 'good' is already taken; skipped"_qs }
                                        << QStringList { u"good"_qs };
        QTest::addRow("invalid prometheus")
            << good + "2\\name=bad\n2\\prometheus=somewhere\nsize=2\n"
            << QStringList { u"profile 2: prometheus 'somewhere' is not auto, none, an http(s) URL or "
                             "service:NAMESPACE/[https:]NAME:PORT; skipped"_qs }
            << QStringList { u"good"_qs };
        QTest::addRow("negative interval")
            << good + "2\\name=bad\n2\\refreshSeconds=-5\nsize=2\n"
            << QStringList { u"profile 2: refreshSeconds '-5' is not a positive whole number; skipped"_qs }
            << QStringList { u"good"_qs };
        QTest::addRow("interval not a number")
            << good + "2\\name=bad\n2\\refreshSeconds=soon\nsize=2\n"
            << QStringList { u"profile 2: refreshSeconds 'soon' is not a positive whole number; skipped"_qs }
            << QStringList { u"good"_qs };
        QTest::addRow("list where one value belongs")
            << good + "2\\name=a, b\nsize=2\n"
            << QStringList { u"profile 2: name is not a single text value; skipped"_qs } << QStringList { u"good"_qs };
        QTest::addRow("variant of another type")
            << good + "2\\name=bad\n2\\context=@Rect(1 2 3 4)\nsize=2\n"
            << QStringList { u"profile 2: context is not a single text value; skipped"_qs }
            << QStringList { u"good"_qs };
        QTest::addRow("flag not a boolean")
            << good + "2\\name=bad\n2\\prometheusInsecure=maybe\nsize=2\n"
            << QStringList { u"profile 2: prometheusInsecure 'maybe' is not true or false; skipped"_qs }
            << QStringList { u"good"_qs };
        QTest::addRow("malformed header")
            << good + "2\\name=bad\n2\\prometheusHeaders=NoColon\nsize=2\n"
            << QStringList { u"profile 2: prometheusHeaders 'NoColon' is not \"Name: value\"; skipped"_qs }
            << QStringList { u"good"_qs };
        QTest::addRow("several problems")
            << good + "2\\name=good\n3\\context=ctx\n4\\name=zero\n4\\refreshSeconds=0\nsize=4\n"
            << QStringList { u"profile 2: the name 'good' is already taken; skipped"_qs,
                             u"profile 3 has no name; skipped"_qs,
                             u"profile 4: refreshSeconds '0' is not a positive whole number; skipped"_qs }
            << QStringList { u"good"_qs };
    }

    void corruptFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, loaded);
        const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".ini"_qs);
        QVERIFY(writeFile(path, bytes));
        ProfileStore store(path);
        for (QString &message : expected)
            message.prepend(path + u": "_qs);
        QCOMPARE(messages(store.load()), expected);
        QCOMPARE(names(store.profiles()), loaded);
    }

    void unreadableFile()
    {
        // A folder where the file should be cannot be read by anyone, root included.
        const QString path = m_dir.filePath(u"a-folder.ini"_qs);
        QVERIFY(QDir().mkpath(path));
        ProfileStore store(path);
        QCOMPARE(messages(store.load()), QStringList { path + u": cannot read the file; no profiles loaded"_qs });
        QVERIFY(store.profiles().isEmpty());
    }

    void failedSaveKeepsTheOldFile()
    {
        // The longest name a file may have: the file exists, but no replacement can be created
        // beside it (its temporary name would be longer still), as in a read-only or full folder.
        // Permissions would not do: the tests may run as root.
        const QString path = m_dir.filePath(QString(255, u'p'));
        QVERIFY(writeFile(path, "[General]\nversion=1\n[profiles]\n1\\name=old\nsize=1\n"));
        const QByteArray before = contents(path);

        ProfileStore store(path);
        store.setProfiles(sampleProfiles());
        const auto error = store.save();
        QVERIFY(error.has_value());
        QVERIFY2(error->toString().startsWith(path + u": cannot save the profiles: "_qs),
                 qPrintable(error->toString()));
        QCOMPARE(contents(path), before);
        QCOMPARE(messages(store.load()), QStringList());
        QCOMPARE(names(store.profiles()), QStringList { u"old"_qs });
    }

    void firstRunFromKubeconfig()
    {
        const QString fixture = qEnvironmentVariable("SPECULA_SHARED_DIR")
            + u"/fixtures/kubeconfig_multi-context_config-demo_k8s-docs.yaml"_qs;
        const auto config = Kube::KubeConfig::load(Kube::KubeConfigSources { fixture, {}, m_dir.path() });
        QVERIFY2(config.ok(), qPrintable(config ? QString() : config.error().toString()));

        ProfileStore store(m_dir.filePath(u"first-run.ini"_qs));
        store.createFromKubeconfig(config.value());
        QCOMPARE(names(store.profiles()), (QStringList { u"dev-frontend"_qs, u"dev-storage"_qs, u"exp-test"_qs }));
        for (const Profile &profile : store.profiles()) {
            QCOMPARE(profile.context, profile.name);
            QCOMPARE(profile.kubeconfig, QString());
            QCOMPARE(profile.prometheus.mode, PrometheusSettings::Mode::Auto);
            QCOMPARE(profile.refreshSeconds, 30);
            QVERIFY(profile.namespaces.isEmpty());
        }
    }

    void noSecretReachesTheFile()
    {
        SPECULA_REQUIRE_KEYCHAIN();
        const QString token = u"tok-8f3a0c55e1d94b7f"_qs;
        const QString password = u"pw-51c2e9a7d0b34f18"_qs;
        Profile profile = sampleProfiles().first();
        // Even when the settings in memory hold them, the file must not.
        profile.prometheus.bearerToken = token;
        profile.prometheus.password = password;
        Profiles::SecretStore secrets;
        using Secret = Profiles::SecretStore::Secret;
        SPECULA_VERIFY_DONE(waitWrite(secrets, profile.name, Secret::PrometheusToken, token));
        SPECULA_VERIFY_DONE(waitWrite(secrets, profile.name, Secret::PrometheusPassword, password));

        ProfileStore store(m_dir.filePath(u"with-secrets.ini"_qs));
        store.setProfiles({ profile });
        SPECULA_VERIFY_DONE(store.save());
        const QByteArray bytes = contents(store.path());
        QVERIFY(bytes.contains("mimir team-a"));
        QVERIFY(!bytes.contains(token.toUtf8()));
        QVERIFY(!bytes.contains(password.toUtf8()));

        QCOMPARE(waitRead(secrets, profile.name, Secret::PrometheusToken).value(), token);
        QCOMPARE(waitRead(secrets, profile.name, Secret::PrometheusPassword).value(), password);
        SPECULA_VERIFY_DONE(waitDone([&](auto done) { secrets.removeProfile(profile.name, done); }));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
