// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/execcredentialsource.h"
#include "kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Specula;
using namespace Qt::Literals::StringLiterals;

namespace {

QString dataFile(const QString &name)
{
    return qEnvironmentVariable("SPECULA_SOURCE_DIR") + QStringLiteral("/tests/data/kubeconfig/") + name;
}

QString fixture(const QString &name)
{
    return QDir::cleanPath(qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QString describe(const Core::Result<Net::Credentials> &result)
{
    if (!result)
        return QStringLiteral("error: ") + result.error().toString();
    QStringList parts;
    if (!result->authorization.isEmpty())
        parts << QString::fromLatin1(result->authorization);
    if (!result->clientCertificate.isNull()) {
        parts << QStringLiteral("cert:")
                + result->clientCertificate.subjectInfo(QSslCertificate::CommonName).join(u',');
        parts << (result->clientKey.algorithm() == QSsl::Ec ? QStringLiteral("key:ec") : QStringLiteral("key:rsa"));
    }
    if (result->expiresAt.isValid())
        parts << QStringLiteral("expires:") + result->expiresAt.toUTC().toString(Qt::ISODate);
    return parts.join(u' ');
}

// Checks "error:a|b" (kind Auth, every part in the message) or an exact description.
bool matches(const Core::Result<Net::Credentials> &result, const QString &expected, QString *why)
{
    *why = describe(result);
    if (!expected.startsWith(QLatin1String("error:")))
        return *why == expected;
    if (result || result.error().kind != Core::Error::Kind::Auth)
        return false;
    const QStringList needles = expected.mid(6).split(u'|');
    return std::all_of(needles.cbegin(), needles.cend(),
                       [&](const QString &needle) { return result.error().message.contains(needle); });
}

} // namespace

class TestExecCredential : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_written = 0;

    QString plugin() const { return QStringLiteral(SPECULA_TEST_EXEC_PLUGIN); }

    // A kubeconfig in the temporary folder whose user runs the exec block given (YAML, indented
    // under "exec:"); @PLUGIN@ is the test plugin, @COUNTER@ a fresh run-counter file.
    QString writeConfig(QString exec, QString *counter = nullptr)
    {
        const QString counterPath = m_dir.filePath(QStringLiteral("runs-%1").arg(++m_written));
        if (counter)
            *counter = counterPath;
        exec.replace(QLatin1String("@PLUGIN@"), plugin()).replace(QLatin1String("@COUNTER@"), counterPath);
        exec.replace(QLatin1String("@DATA@"), dataFile(QString()));
        const QString text = QStringLiteral("clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n"
                                            "contexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                                            "current-context: x\n"
                                            "users:\n- name: u\n  user:\n")
            + exec;
        const QString path = m_dir.filePath(QStringLiteral("config-%1.yaml").arg(m_written));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text.toUtf8());
        return path;
    }

    static std::shared_ptr<Net::CredentialSource> resolve(const QString &path)
    {
        const auto config = Kube::KubeConfig::load(Kube::KubeConfigSources { path, {}, {} });
        if (!config)
            qFatal("%s", qPrintable(config.error().toString()));
        const auto context = config->resolve();
        if (!context)
            qFatal("%s", qPrintable(context.error().toString()));
        return context->credentials;
    }

    static std::optional<Core::Result<Net::Credentials>> fetch(Net::CredentialSource &source, int timeoutMs = 20000)
    {
        QObject context;
        std::optional<Core::Result<Net::Credentials>> seen;
        source.fetch(&context, [&](const Core::Result<Net::Credentials> &result) { seen = result; });
        if (!QTest::qWaitFor([&] { return seen.has_value(); }, timeoutMs))
            return std::nullopt;
        return seen;
    }

    static int runs(const QString &counter)
    {
        QFile file(counter);
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo(plugin()).isExecutable());
        // A copy for the relative-path and PATH lookups.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("bin")));
        QVERIFY(QFile::copy(plugin(), m_dir.filePath(QStringLiteral("bin/specula-plugin"))));
        QFile(m_dir.filePath(QStringLiteral("bin/specula-plugin")))
            .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("PATH",
                (m_dir.filePath(QStringLiteral("bin")) + QDir::listSeparator()).toLocal8Bit() + qgetenv("PATH"));
    }

    void parseOutput_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("expected");

        const QList<QByteArray> lines = readFile(fixture(QStringLiteral("execcredential_examples.jsonl"))).split('\n');
        QCOMPARE(lines.size() >= 7, true);
        const QString v1 = QStringLiteral("client.authentication.k8s.io/v1");
        const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
        QTest::addRow("fixture-1-v1-token") << lines[0] << v1 << "Bearer my-bearer-token";
        QTest::addRow("fixture-2-offset-expiry")
            << lines[1] << v1beta1 << "Bearer my-bearer-token expires:2018-03-06T01:30:20Z";
        QTest::addRow("fixture-3-elided-cert")
            << lines[2] << v1 << "error:status.clientCertificateData|could not be parsed";
        QTest::addRow("fixture-4-request-not-response") << lines[3] << v1 << "error:has no status";
        QTest::addRow("fixture-5-request-v1beta1") << lines[4] << v1beta1 << "error:has no status";
        QTest::addRow("fixture-6-eks-epoch-expiry")
            << lines[5] << v1beta1 << "Bearer k8s-aws-v1.[REDACTED] expires:1970-01-01T00:00:00Z";
        QTest::addRow("fixture-7-v1alpha1-output")
            << lines[6] << v1beta1
            << "error:configured for apiVersion "
               "client.authentication.k8s.io/v1beta1|\"client.authentication.k8s.io/v1alpha1\"";

        const auto credential = [&](const QJsonObject &status) {
            return QJsonDocument(QJsonObject { { u"apiVersion"_s, v1 },
                                               { u"kind"_s, u"ExecCredential"_s },
                                               { u"status"_s, status } })
                .toJson();
        };
        const QString rsaCert = QString::fromLatin1(readFile(dataFile(u"client-rsa.crt"_s)));
        const QString rsaKey = QString::fromLatin1(readFile(dataFile(u"client-rsa.key"_s)));
        const QString ecKey = QString::fromLatin1(readFile(dataFile(u"client-ec-pkcs8.key"_s)));
        const QString ecCert = QString::fromLatin1(readFile(dataFile(u"client-ec.crt"_s)));
        QTest::addRow("cert-rsa") << credential(
            { { u"clientCertificateData"_s, rsaCert }, { u"clientKeyData"_s, rsaKey } })
                                  << v1 << "cert:rsa-user key:rsa";
        QTest::addRow("cert-ec-pkcs8") << credential(
            { { u"clientCertificateData"_s, ecCert }, { u"clientKeyData"_s, ecKey } })
                                       << v1 << "cert:ec-user key:ec";
        QTest::addRow("cert-without-key") << credential({ { u"clientCertificateData"_s, rsaCert } }) << v1
                                          << "error:status.clientCertificateData without status.clientKeyData";
        QTest::addRow("bad-key") << credential(
            { { u"clientCertificateData"_s, rsaCert }, { u"clientKeyData"_s, u"junk"_s } })
                                 << v1 << "error:status.clientKeyData: no PEM private key";
        QTest::addRow("fractional-expiry") << credential(
            { { u"token"_s, u"t"_s }, { u"expirationTimestamp"_s, u"2030-01-02T03:04:05.123456789+05:30"_s } })
                                           << v1 << "Bearer t expires:2030-01-01T21:34:05Z";
        QTest::addRow("bad-expiry") << credential(
            { { u"token"_s, u"t"_s }, { u"expirationTimestamp"_s, u"tomorrow"_s } })
                                    << v1 << "error:\"tomorrow\" is not an RFC 3339 time";
        QTest::addRow("empty-status") << credential({ { u"token"_s, u""_s } }) << v1
                                      << "error:neither status.token nor status.clientCertificateData";
        QTest::addRow("not-json") << QByteArray("Error: please log in\n") << v1 << "error:not an ExecCredential JSON";
        QTest::addRow("wrong-kind") << QByteArray(R"({"apiVersion":"v1","kind":"Status"})") << v1
                                    << "error:has kind \"Status\"";
    }

    void parseOutput()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, apiVersion);
        QFETCH(QString, expected);
        QString why;
        QVERIFY2(matches(Kube::ExecCredentialSource::parseOutput(output, apiVersion, u"plugin"_s), expected, &why),
                 qPrintable(why));
    }

    void fetch_data()
    {
        QTest::addColumn<QString>("exec");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("expected");

        const QString beta = QStringLiteral("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n");
        const auto env = [](const QString &pairs) {
            QString yaml = QStringLiteral("      env:\n");
            for (const QString &pair : pairs.split(u';', Qt::SkipEmptyParts)) {
                const qsizetype eq = pair.indexOf(u'=');
                yaml += QStringLiteral("      - name: %1\n        value: '%2'\n").arg(pair.left(eq), pair.mid(eq + 1));
            }
            return yaml;
        };
        const QString run = beta + QStringLiteral("      command: @PLUGIN@\n");
        QTest::addRow("token-v1beta1-env-null") << run + QStringLiteral("      env: null\n") << 0 << "Bearer token-1";
        QTest::addRow("token-v1-never") << QStringLiteral(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: @PLUGIN@\n"
            "      interactiveMode: Never\n")
                                        << 0 << "Bearer token-1";
        QTest::addRow("expiry-offset") << run + env(u"SPECULA_PLUGIN_EXPIRES_IN=3600"_s) << 0 << "CHECK-EXPIRY";
        QTest::addRow("cert-rsa") << run
                + env(u"SPECULA_PLUGIN_CERT=@DATA@client-rsa.crt;SPECULA_PLUGIN_KEY=@DATA@client-rsa.key"_s)
                                  << 0 << "cert:rsa-user key:rsa";
        QTest::addRow("cert-ec-sec1") << run
                + env(u"SPECULA_PLUGIN_CERT=@DATA@client-ec.crt;SPECULA_PLUGIN_KEY=@DATA@client-ec.key"_s)
                                      << 0 << "cert:ec-user key:ec";
        QTest::addRow("kubeconfig-cert-plus-plugin-token")
            << QStringLiteral(
                   "    client-certificate: @DATA@client-pkcs8.crt\n    client-key: @DATA@client-pkcs8.key\n")
                + run
            << 0 << "Bearer token-1 cert:pkcs8-user key:rsa";
        QTest::addRow("exit-1-stderr") << run
                + env(u"SPECULA_PLUGIN_EXIT=1;SPECULA_PLUGIN_STDERR=  boom: credentials expired\n\n"_s)
                                       << 0 << "error:\"@PLUGIN@\" failed with exit code 1: boom: credentials expired";
        QTest::addRow("stderr-bounded") << run
                + env(u"SPECULA_PLUGIN_EXIT=3;SPECULA_PLUGIN_STDERR="_s + QString(5000, u'x'))
                                        << 0 << "error:exit code 3: xxxx|[…]|BOUNDED";
        QTest::addRow("garbage-stdout") << run + env(u"SPECULA_PLUGIN_STDOUT=please run login"_s) << 0
                                        << "error:not an ExecCredential JSON";
        QTest::addRow("version-mismatch")
            << run
                + env(
                    u"SPECULA_PLUGIN_STDOUT={\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\"}}"_s)
            << 0 << "error:configured for apiVersion client.authentication.k8s.io/v1beta1";
        QTest::addRow("interactive-always") << run + QStringLiteral("      interactiveMode: Always\n") << 0
                                            << "error:needs a terminal|interactiveMode: Always";
        QTest::addRow("not-found-install-hint")
            << beta
                + QStringLiteral("      command: specula-no-such-plugin\n      installHint: |\n        Install it:\n"
                                 "          apt-get install specula-no-such-plugin\n")
            << 0 << "error:\"specula-no-such-plugin\" not found: Install it:\n  apt-get install specula-no-such-plugin";
        QTest::addRow("not-found-absolute") << beta + QStringLiteral("      command: /nonexistent/plugin\n") << 0
                                            << "error:exec plugin \"/nonexistent/plugin\" not found";
        QTest::addRow("timeout") << run + env(u"SPECULA_PLUGIN_SLEEP_MS=10000"_s) << 300
                                 << "error:did not finish within 0.3 s";
        QTest::addRow("relative-to-kubeconfig")
            << beta + QStringLiteral("      command: bin/specula-plugin\n") << 0 << "Bearer token-1";
        QTest::addRow("bare-name-on-path")
            << beta + QStringLiteral("      command: specula-plugin\n") << 0 << "Bearer token-1";
    }

    void fetch()
    {
        QFETCH(QString, exec);
        QFETCH(int, timeoutMs);
        QFETCH(QString, expected);

        QString counter;
        const auto source = resolve(writeConfig(exec, &counter));
        QVERIFY(source);
        auto *exec_ = dynamic_cast<Kube::ExecCredentialSource *>(source.get());
        QVERIFY(exec_);
        if (timeoutMs > 0)
            exec_->setTimeout(std::chrono::milliseconds(timeoutMs));
        QElapsedTimer clock;
        clock.start();
        const auto result = fetch(*source);
        QVERIFY(result);
        expected.replace(QLatin1String("@PLUGIN@"), plugin());
        QString why = describe(*result);
        if (expected == QLatin1String("CHECK-EXPIRY")) {
            // Written with a +02:00 offset an hour ahead: read back as the same instant.
            QVERIFY2(result->ok(), qPrintable(why));
            const qint64 ahead = QDateTime::currentDateTimeUtc().secsTo((*result)->expiresAt);
            QVERIFY2(ahead > 3500 && ahead <= 3600, qPrintable(why));
            return;
        }
        if (expected.endsWith(QLatin1String("|BOUNDED"))) {
            expected.chop(8);
            QVERIFY2(!result->ok() && result->error().message.size() < 2300, qPrintable(why.left(200)));
        }
        QVERIFY2(matches(*result, expected, &why), qPrintable(why));
        if (timeoutMs > 0)
            QVERIFY2(clock.elapsed() < 5000, "the plugin was not killed at the timeout");
    }

    void execInfo_data()
    {
        QTest::addColumn<QString>("kubeconfig"); // fixture text with the CA and command substituted, or inline
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<bool>("clusterInfo");

        QString docs = QString::fromUtf8(readFile(fixture(u"kubeconfig_exec-v1_cluster-extension_k8s-docs.yaml"_s)));
        docs.replace(u"/etc/kubernetes/ca.pem"_s, dataFile(u"ca.crt"_s));
        docs.replace(u"command: \"example-client-go-exec-plugin\""_s, u"command: \"@PLUGIN@\""_s);
        QTest::addRow("k8s-docs-v1-cluster-extension") << docs << "client.authentication.k8s.io/v1" << true;
        QTest::addRow("v1beta1-no-cluster-info") << QStringLiteral(
            "clusters:\n- name: c\n  cluster: {server: 'https://h:1'}\ncontexts:\n- name: x\n"
            "  context: {cluster: c, user: u}\ncurrent-context: x\nusers:\n- name: u\n  user:\n"
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
            "      command: @PLUGIN@\n      args: [arg1, arg2]\n      env: [{name: FOO, value: bar}]\n")
                                                 << "client.authentication.k8s.io/v1beta1" << false;
        QTest::addRow("v1beta1-cluster-tls-proxy-fields") << QStringLiteral(
            "clusters:\n- name: c\n  cluster:\n    server: https://h:1\n    tls-server-name: api.test\n"
            "    insecure-skip-tls-verify: true\n    proxy-url: socks5://127.0.0.1:1080\n"
            "    disable-compression: true\ncontexts:\n- name: x\n"
            "  context: {cluster: c, user: u}\ncurrent-context: x\nusers:\n- name: u\n  user:\n"
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
            "      command: @PLUGIN@\n      args: [arg1, arg2]\n      env: [{name: FOO, value: bar}]\n"
            "      provideClusterInfo: true\n") << "client.authentication.k8s.io/v1beta1"
                                                          << true;
    }

    void execInfo()
    {
        QFETCH(QString, kubeconfig);
        QFETCH(QString, apiVersion);
        QFETCH(bool, clusterInfo);

        const QString path = m_dir.filePath(QStringLiteral("info-%1.yaml").arg(++m_written));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QString(kubeconfig).replace(u"@PLUGIN@"_s, plugin()).toUtf8());
        }
        const QString record = m_dir.filePath(QStringLiteral("record-%1.json").arg(m_written));
        qputenv("SPECULA_PLUGIN_RECORD", record.toLocal8Bit());
        const auto source = resolve(path);
        const auto result = fetch(*source);
        qunsetenv("SPECULA_PLUGIN_RECORD");
        QVERIFY(result);
        QCOMPARE(describe(*result), u"Bearer token-1"_s);

        const QJsonObject recorded = QJsonDocument::fromJson(readFile(record)).object();
        QCOMPARE(recorded.value(u"args"_s).toArray(), QJsonArray({ u"arg1"_s, u"arg2"_s }));
        QCOMPARE(recorded.value(u"foo"_s).toString(), u"bar"_s);
        const QJsonObject info = recorded.value(u"info"_s).toObject();
        QCOMPARE(info.value(u"apiVersion"_s).toString(), apiVersion);
        QCOMPARE(info.value(u"kind"_s).toString(), u"ExecCredential"_s);
        const QJsonObject spec = info.value(u"spec"_s).toObject();
        QCOMPARE(spec.value(u"interactive"_s), QJsonValue(false));
        QCOMPARE(spec.contains(u"cluster"_s), clusterInfo);
        if (!clusterInfo)
            return;
        const QJsonObject cluster = spec.value(u"cluster"_s).toObject();
        if (cluster.value(u"server"_s).toString() == u"https://h:1"_s) {
            const QJsonObject expected { { u"server"_s, u"https://h:1"_s },
                                         { u"tls-server-name"_s, u"api.test"_s },
                                         { u"insecure-skip-tls-verify"_s, true },
                                         { u"proxy-url"_s, u"socks5://127.0.0.1:1080"_s },
                                         { u"disable-compression"_s, true } };
            QCOMPARE(cluster, expected);
            return;
        }
        QCOMPARE(cluster.value(u"server"_s).toString(), u"https://172.17.4.100:6443"_s);
        QCOMPARE(QByteArray::fromBase64(cluster.value(u"certificate-authority-data"_s).toString().toLatin1()),
                 readFile(dataFile(u"ca.crt"_s)));
        const QJsonObject expected {
            { u"arbitrary"_s, u"config"_s },
            { u"this"_s,
              u"can be provided via the KUBERNETES_EXEC_INFO environment variable upon setting provideClusterInfo"_s },
            { u"you"_s, QJsonArray { u"can"_s, u"put"_s, u"anything"_s, u"here"_s } }
        };
        QCOMPARE(cluster.value(u"config"_s).toObject(), expected);
    }

    void fixtureInstallHint()
    {
        // The published example, with only its CA made readable: its plugin does not exist here,
        // so the error is the installHint.
        QString docs = QString::fromUtf8(readFile(fixture(u"kubeconfig_exec-v1_cluster-extension_k8s-docs.yaml"_s)));
        docs.replace(u"/etc/kubernetes/ca.pem"_s, dataFile(u"ca.crt"_s));
        const QString path = m_dir.filePath(QStringLiteral("hint.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(docs.toUtf8());
        file.close();
        const auto result = fetch(*resolve(path));
        QVERIFY(result);
        QString why;
        QVERIFY2(matches(*result,
                         u"error:exec plugin \"example-client-go-exec-plugin\" not found|"
                         "example-client-go-exec-plugin is required to authenticate\nto the current cluster.  It can "
                         "be installed:\n\nOn macOS: brew install example-client-go-exec-plugin"_s,
                         &why),
                 qPrintable(why));
        QCOMPARE(result->error().where, u"user \"my-user\" in "_s + path);
    }

    void caching_data()
    {
        QTest::addColumn<QString>("expiresIn"); // seconds; empty: no expirationTimestamp
        QTest::addColumn<bool>("invalidate");
        QTest::addColumn<int>("expectedRuns");
        QTest::addColumn<QString>("secondToken");

        QTest::addRow("no-expiry-cached") << QString() << false << 1 << "token-1";
        QTest::addRow("future-expiry-cached") << u"3600"_s << false << 1 << "token-1";
        QTest::addRow("expired-runs-again") << u"-60"_s << false << 2 << "token-2";
        QTest::addRow("invalidate-runs-again") << u"3600"_s << true << 2 << "token-2";
    }

    void caching()
    {
        QFETCH(QString, expiresIn);
        QFETCH(bool, invalidate);
        QFETCH(int, expectedRuns);
        QFETCH(QString, secondToken);

        QString env = QStringLiteral("      env:\n      - {name: SPECULA_PLUGIN_COUNTER, value: '@COUNTER@'}\n");
        if (!expiresIn.isEmpty())
            env += QStringLiteral("      - {name: SPECULA_PLUGIN_EXPIRES_IN, value: '%1'}\n").arg(expiresIn);
        QString counter;
        const auto source = resolve(writeConfig(
            u"    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: @PLUGIN@\n"_s + env,
            &counter));
        const auto first = fetch(*source);
        QVERIFY(first && first->ok());
        QCOMPARE(QString::fromLatin1((*first)->authorization), u"Bearer token-1"_s);
        if (invalidate)
            source->invalidate();
        const auto second = fetch(*source);
        QVERIFY(second && second->ok());
        QCOMPARE(QString::fromLatin1((*second)->authorization), u"Bearer "_s + secondToken);
        QCOMPARE(runs(counter), expectedRuns);
    }

    void concurrentFetchesShareOneRun()
    {
        QString counter;
        const auto source = resolve(
            writeConfig(u"    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: @PLUGIN@\n"
                        "      env:\n      - {name: SPECULA_PLUGIN_COUNTER, value: '@COUNTER@'}\n"
                        "      - {name: SPECULA_PLUGIN_SLEEP_MS, value: '500'}\n"_s,
                        &counter));
        QObject a, b, c;
        auto gone = std::make_unique<QObject>();
        QStringList seen;
        bool goneCalled = false;
        const auto record = [&](const Core::Result<Net::Credentials> &result) { seen << describe(result); };
        source->fetch(&a, record);
        source->fetch(&b, record);
        source->fetch(gone.get(), [&](const Core::Result<Net::Credentials> &) { goneCalled = true; });
        source->fetch(&c, record);
        gone.reset(); // a caller that went away is simply not called
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 3, 10000);
        QCOMPARE(seen, QStringList({ u"Bearer token-1"_s, u"Bearer token-1"_s, u"Bearer token-1"_s }));
        QCOMPARE(runs(counter), 1);
        QTest::qWait(50);
        QVERIFY(!goneCalled);
        // The answer is cached now and is delivered later, never from inside fetch().
        bool called = false;
        source->fetch(&a, [&](const Core::Result<Net::Credentials> &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        QCOMPARE(runs(counter), 1);
    }

    void realGkePluginFailure()
    {
        const QString gke = QStandardPaths::findExecutable(u"gke-gcloud-auth-plugin"_s);
        // Google ships the plugin outside Debian's archive: a fresh Debian machine does not have it,
        // while the project's build machines do (every other exec case runs a plugin built here).
        if (gke.isEmpty())
            QSKIP("gke-gcloud-auth-plugin is not on PATH");

        // What the plugin itself says, offline and without an account, run directly.
        QTemporaryDir direct;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"CLOUDSDK_CONFIG"_s, direct.path());
        environment.insert(u"KUBERNETES_EXEC_INFO"_s,
                           u"{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
                           "\"spec\":{\"interactive\":false}}"_s);
        process.setProcessEnvironment(environment);
        process.setStandardInputFile(QProcess::nullDevice());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(gke, {});
        QVERIFY(finished.wait(60000));
        QCOMPARE(process.exitCode(), 1);
        const QString firstLine = QString::fromUtf8(process.readAllStandardError()).section(u'\n', 0, 0);
        // Drop the glog prefix ("F1123 13:12:38.326908 12636 cred.go:145] "), which differs per run.
        const QString said = firstLine.section(u"] "_s, 1).trimmed();
        QVERIFY2(said.size() > 20, qPrintable(firstLine));

        // The same plugin through a kubeconfig in the shape gcloud writes.
        QTemporaryDir config;
        const auto source = resolve(writeConfig(
            u"    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: "
            u"gke-gcloud-auth-plugin\n"
            "      installHint: Install gke-gcloud-auth-plugin for use with kubectl by following\n"
            "        https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke\n"
            "      provideClusterInfo: true\n"
            "      env:\n      - {name: CLOUDSDK_CONFIG, value: '"_s
            + config.path() + u"'}\n"_s));
        const auto result = fetch(*source, 60000);
        QVERIFY(result);
        QString why;
        QVERIFY2(matches(*result, u"error:exec plugin \"gke-gcloud-auth-plugin\" failed with exit code 1: "_s, &why),
                 qPrintable(why));
        QVERIFY2(result->error().message.contains(said), qPrintable(why + u" lacks "_s + said));
    }
};

QTEST_GUILESS_MAIN(TestExecCredential)
#include "tst_execcredential.moc"
