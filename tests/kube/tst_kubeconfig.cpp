// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeconfig.h"
#include "kube/tokenfilecredentialsource.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Specula;
using namespace Qt::Literals::StringLiterals;
using Kube::KubeConfig;
using Kube::KubeConfigSources;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("SPECULA_SOURCE_DIR") + QStringLiteral("/tests/data/kubeconfig");
}

QString fixture(const QString &name)
{
    return QDir::cleanPath(qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name);
}

QByteArray readData(const QString &name)
{
    QFile file(dataDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return file.readAll();
}

// What a credential source hands out, in one comparable line (secrets are test values).
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
    return parts.join(u' ');
}

} // namespace

class TestKubeConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_written = 0;

    // "fixture:NAME" (shared, unmodified), "data:NAME" (tests/data/kubeconfig) or inline YAML
    // that is written to a file of its own; @DATA@ is the data folder, @B64:NAME@ a data file in base64.
    QString materialise(const QString &spec)
    {
        if (spec.startsWith(QLatin1String("fixture:")))
            return fixture(spec.mid(8));
        if (spec.startsWith(QLatin1String("data:")))
            return dataDir() + QLatin1Char('/') + spec.mid(5);
        QString text = spec;
        text.replace(QLatin1String("@DATA@"), dataDir());
        for (qsizetype at = text.indexOf(QLatin1String("@B64:")); at >= 0; at = text.indexOf(QLatin1String("@B64:"))) {
            const qsizetype end = text.indexOf(QLatin1Char('@'), at + 5);
            const QString name = text.mid(at + 5, end - at - 5);
            text.replace(at, end - at + 1, QString::fromLatin1(readData(name).toBase64()));
        }
        const QString path = m_dir.filePath(QStringLiteral("config-%1.yaml").arg(++m_written));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text.toUtf8());
        return path;
    }

    QString kubeconfigList(const QStringList &specs)
    {
        QStringList paths;
        for (const QString &spec : specs)
            paths << materialise(spec);
        return paths.join(QDir::listSeparator());
    }

    static QString fetch(const std::shared_ptr<Net::CredentialSource> &source)
    {
        if (!source)
            return QStringLiteral("anonymous");
        QObject context;
        std::optional<QString> seen;
        source->fetch(&context, [&](const Core::Result<Net::Credentials> &result) { seen = describe(result); });
        if (!QTest::qWaitFor([&] { return seen.has_value(); }, 5000))
            return QStringLiteral("no answer");
        return *seen;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void resolveGood_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<int>("caCount");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<QString>("tlsServerName");
        QTest::addColumn<QString>("proxy"); // "type host:port user", empty for none
        QTest::addColumn<bool>("noCompression");
        QTest::addColumn<QString>("credentials");

        const QStringList certs { QStringLiteral("data:certs.yaml") };
        const QString local = QStringLiteral("https://127.0.0.1:6443");
        const QString apiName = QStringLiteral("api.specula.test");
        QTest::addRow("rsa-pkcs1-current-context") << certs << QString() << local << "gpu-operator" << 1 << false
                                                   << apiName << QString() << true << "cert:rsa-user key:rsa";
        QTest::addRow("ec-sec1") << certs << "ec" << local << "default" << 1 << false << apiName << QString() << true
                                 << "cert:ec-user key:ec";
        QTest::addRow("rsa-pkcs8") << certs << "pkcs8" << local << "default" << 1 << false << apiName << QString()
                                   << true << "cert:pkcs8-user key:rsa";
        QTest::addRow("ec-pkcs8") << certs << "ec-pkcs8" << local << "default" << 1 << false << apiName << QString()
                                  << true << "cert:ec-user key:ec";
        QTest::addRow("token-http-proxy-insecure")
            << certs << "token"
            << "https://10.0.0.1"
            << "default" << 0 << true << QString() << "http proxy.example.org:3128 alice" << false << "Bearer abc.def";
        QTest::addRow("token-file-relative") << certs << "tokenfile" << local << "default" << 1 << false << apiName
                                             << QString() << true << "Bearer file-token";
        QTest::addRow("basic-socks5-host-port-server")
            << certs << "basic"
            << "https://10.0.0.2:6443"
            << "default" << 0 << false << QString() << "socks5 127.0.0.1:1080 " << false << "Basic YWxpY2U6czNjcmV0";
        QTest::addRow("no-user-anonymous")
            << certs << "anonymous"
            << "https://10.0.0.2:6443"
            << "default" << 0 << false << QString() << "socks5 127.0.0.1:1080 " << false << "anonymous";
        QTest::addRow("fixture-multi-context-basic")
            << QStringList { QStringLiteral("fixture:kubeconfig_multi-context_config-demo_k8s-docs.yaml") }
            << "exp-test"
            << "https://5.6.7.8"
            << "default" << 0 << true << QString() << QString() << false << "Basic ZXhwOnNvbWUtcGFzc3dvcmQ=";
        QTest::addRow("embedded-data-ec") << QStringList { QStringLiteral(
            "clusters:\n- name: c\n  cluster:\n    server: https://h:1\n    certificate-authority-data: @B64:ca.crt@\n"
            "contexts:\n- name: x\n  context: {cluster: c, user: u, namespace: ns1}\n"
            "users:\n- name: u\n  user:\n    client-certificate-data: @B64:client-ec.crt@\n"
            "    client-key-data: @B64:client-ec.key@\n") }
                                          << "x"
                                          << "https://h:1"
                                          << "ns1" << 1 << false << QString() << QString() << false
                                          << "cert:ec-user key:ec";
        QTest::addRow("oidc-fixture-merged")
            << QStringList { QStringLiteral("clusters:\n- name: c\n  cluster: {server: 'https://oidc:443'}\n"
                                            "contexts:\n- name: o\n  context: {cluster: c, user: mmosley}\n"
                                            "current-context: o\n"),
                             QStringLiteral("fixture:kubeconfig_oidc-auth-provider_k8s-docs_fragment.yaml") }
            << QString() << "https://oidc:443"
            << "default" << 0 << false << QString() << QString() << false
            << "Bearer eyJraWQiOiJDTj1vaWRjaWRwLnRyZW1vbG8ubGFuLCBPVT1EZW1vLCBPPVRybWVvbG8gU2VjdXJpdHksIEw9QXJsaW5n...";
        QTest::addRow("token-and-client-cert")
            << QStringList { QStringLiteral("clusters:\n- name: c\n  cluster: {server: 'https://h'}\n"
                                            "contexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                                            "users:\n- name: u\n  user:\n    token: t0k\n"
                                            "    client-certificate: @DATA@/client-rsa.crt\n"
                                            "    client-key: @DATA@/client-rsa.key\n") }
            << "x"
            << "https://h"
            << "default" << 0 << false << QString() << QString() << false << "Bearer t0k cert:rsa-user key:rsa";
    }

    void resolveGood()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, context);
        QFETCH(QString, server);
        QFETCH(QString, ns);
        QFETCH(int, caCount);
        QFETCH(bool, insecure);
        QFETCH(QString, tlsServerName);
        QFETCH(QString, proxy);
        QFETCH(bool, noCompression);
        QFETCH(QString, credentials);

        const auto config = KubeConfig::load(KubeConfigSources { {}, kubeconfigList(files), m_dir.path() });
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        const auto resolved = config->resolve(context);
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().toString()));
        QCOMPARE(resolved->server.toString(), server);
        QCOMPARE(resolved->defaultNamespace, ns);
        QCOMPARE(resolved->caCertificates.size(), caCount);
        QCOMPARE(resolved->insecureSkipTlsVerify, insecure);
        QCOMPARE(resolved->tlsServerName, tlsServerName);
        QCOMPARE(resolved->disableCompression, noCompression);
        QString proxyText;
        if (resolved->proxy) {
            const QNetworkProxy &p = *resolved->proxy;
            proxyText
                = QStringLiteral("%1 %2:%3 %4")
                      .arg(p.type() == QNetworkProxy::HttpProxy ? QStringLiteral("http") : QStringLiteral("socks5"),
                           p.hostName())
                      .arg(p.port())
                      .arg(p.user());
        }
        QCOMPARE(proxyText, proxy);
        // A row ending in "..." compares a prefix (the OIDC fixture's token is very long).
        const QString actualCredentials = fetch(resolved->credentials);
        if (credentials.endsWith(QLatin1String("...")))
            QVERIFY2(actualCredentials.startsWith(credentials.chopped(3)), qPrintable(actualCredentials));
        else
            QCOMPARE(actualCredentials, credentials);
    }

    void resolveBad_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("context");
        QTest::addColumn<int>("fileIndex"); // which of the files the error must name
        QTest::addColumn<int>("line"); // 0: no line expected
        QTest::addColumn<QStringList>("needles");

        const QString head = QStringLiteral("clusters:\n- name: c\n  cluster:\n    server: https://h\n"
                                            "contexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                                            "users:\n- name: u\n  user:\n");
        // head is 10 lines; user fields start on line 11.
        const auto user = [&](const char *fields) { return QStringList { head + QLatin1String(fields) }; };
        const auto cluster = [](const char *fields) {
            return QStringList { QStringLiteral("clusters:\n- name: c\n  cluster:\n") + QLatin1String(fields)
                                 + QStringLiteral("contexts:\n- name: x\n  context: {cluster: c}\n") };
        };

        QTest::addRow("missing-context") << QStringList { QStringLiteral("data:certs.yaml") } << "nope" << 0 << 0
                                         << QStringList { u"context \"nope\" not found"_s, u"rsa, ec"_s };
        QTest::addRow("no-current-context")
            << QStringList { QStringLiteral("fixture:kubeconfig_multi-context_config-demo_k8s-docs.yaml") } << QString()
            << 0 << 0 << QStringList { u"no current-context"_s, u"dev-frontend, dev-storage, exp-test"_s };
        QTest::addRow("missing-cluster") << QStringList { QStringLiteral("contexts:\n- name: x\n  context:\n"
                                                                         "    cluster: ghost\n") }
                                         << "x" << 0 << 4
                                         << QStringList { u"context \"x\": cluster:"_s, u"\"ghost\""_s };
        QTest::addRow("missing-user") << QStringList { QStringLiteral("clusters:\n- name: c\n  cluster: {server: h}\n"
                                                                      "contexts:\n- name: x\n  context:\n"
                                                                      "    cluster: c\n    user: nobody\n") }
                                      << "x" << 0 << 8 << QStringList { u"context \"x\": user:"_s, u"\"nobody\""_s };
        QTest::addRow("no-server") << cluster("    insecure-skip-tls-verify: true\n") << "x" << 0 << 2
                                   << QStringList { u"cluster \"c\": server: is not set"_s };
        QTest::addRow("server-not-http") << cluster("    server: ftp://h\n") << "x" << 0 << 4
                                         << QStringList { u"cluster \"c\": server:"_s, u"ftp://h"_s };
        QTest::addRow("ca-relative-missing")
            << QStringList { QStringLiteral("fixture:kubeconfig_multi-context_config-demo_k8s-docs.yaml") }
            << "dev-frontend" << 0 << 9
            << QStringList { u"cluster \"development\": certificate-authority:"_s, u"fixtures/fake-ca-file"_s };
        QTest::addRow("ca-absolute-missing-fixture")
            << QStringList { QStringLiteral("fixture:kubeconfig_exec-v1_cluster-extension_k8s-docs.yaml") } << QString()
            << 0 << 59 << QStringList { u"certificate-authority"_s, u"/etc/kubernetes/ca.pem"_s };
        QTest::addRow("ca-garbage") << cluster("    server: https://h\n    certificate-authority: @DATA@/garbage.crt\n")
                                    << "x" << 0 << 5
                                    << QStringList { u"certificate-authority:"_s, u"could not be parsed"_s };
        QTest::addRow("ca-data-not-base64")
            << cluster("    server: https://h\n    certificate-authority-data: '%%not base64'\n") << "x" << 0 << 5
            << QStringList { u"certificate-authority-data: is not valid base64"_s, u"'%'"_s };
        QTest::addRow("ca-data-not-pem") << QStringList {
            QStringLiteral("fixture:kubeconfig_gcp-auth-provider_client-go-test.yaml")
        } << QString() << 0 << 6 << QStringList { u"certificate-authority-data:"_s, u"no PEM certificate"_s };
        QTest::addRow("ca-data-omitted") << cluster(
            "    server: https://h\n    certificate-authority-data: DATA+OMITTED\n")
                                         << "x" << 0 << 5
                                         << QStringList { u"\"DATA+OMITTED\""_s, u"kubectl config view --raw"_s };
        QTest::addRow("template-placeholder-eks")
            << QStringList { QStringLiteral("fixture:kubeconfig_cloud-plugins_eks-gke_shapes.yaml") } << QString() << 0
            << 9
            << QStringList { u"cluster \"${cluster_arn}\": server:"_s,
                             u"\"${cluster_endpoint}\" is not an http(s) URL"_s };
        QTest::addRow("ca-and-insecure") << cluster("    server: https://h\n    certificate-authority: @DATA@/ca.crt\n"
                                                    "    insecure-skip-tls-verify: true\n")
                                         << "x" << 0 << 6
                                         << QStringList { u"insecure-skip-tls-verify:"_s, u"not allowed"_s };
        QTest::addRow("insecure-not-bool")
            << cluster("    server: https://h\n    insecure-skip-tls-verify: maybe\n") << "x" << 0 << 5
            << QStringList { u"expected true or false"_s, u"\"maybe\""_s };
        QTest::addRow("proxy-https") << cluster("    server: https://h\n    proxy-url: https://proxy:443\n") << "x" << 0
                                     << 5 << QStringList { u"proxy-url: https:// proxies are not supported"_s };
        QTest::addRow("proxy-ftp") << cluster("    server: https://h\n    proxy-url: ftp://proxy\n") << "x" << 0 << 5
                                   << QStringList { u"proxy-url: scheme \"ftp\""_s };
        QTest::addRow("malformed-context-fixture")
            << QStringList { QStringLiteral("fixture:kubeconfig_proxy-url_k8s-docs_MALFORMED-CONTEXT.yaml") }
            << "development" << 0 << 17 << QStringList { u"context \"development\": cluster: is not set"_s };
        QTest::addRow("cert-without-key")
            << user("    client-certificate: @DATA@/client-rsa.crt\n") << "x" << 0 << 11
            << QStringList { u"user \"u\": client-certificate: is set without client-key"_s };
        QTest::addRow("key-missing-file")
            << user("    client-certificate: @DATA@/client-rsa.crt\n"
                    "    client-key: no-such.key\n")
            << "x" << 0 << 12 << QStringList { u"client-key: cannot read"_s, u"no-such.key"_s };
        QTest::addRow("key-encrypted") << user("    client-certificate: @DATA@/client-rsa.crt\n"
                                               "    client-key: @DATA@/client-encrypted.key\n")
                                       << "x" << 0 << 12 << QStringList { u"client-key:"_s, u"encrypted"_s };
        QTest::addRow("key-garbage") << user("    client-certificate: @DATA@/client-rsa.crt\n"
                                             "    client-key: @DATA@/garbage.key\n")
                                     << "x" << 0 << 12 << QStringList { u"client-key:"_s, u"RSA or EC"_s };
        QTest::addRow("key-data-redacted")
            << user("    client-certificate-data: @B64:client-rsa.crt@\n"
                    "    client-key-data: REDACTED\n")
            << "x" << 0 << 12 << QStringList { u"client-key-data:"_s, u"\"REDACTED\""_s };
        QTest::addRow("cert-file-and-data") << user("    client-certificate: @DATA@/client-rsa.crt\n"
                                                    "    client-certificate-data: @B64:client-rsa.crt@\n"
                                                    "    client-key: @DATA@/client-rsa.key\n")
                                            << "x" << 0 << 12 << QStringList { u"client-certificate-data: both"_s };
        QTest::addRow("token-and-basic") << user("    token: t\n    username: a\n    password: b\n") << "x" << 0 << 11
                                         << QStringList { u"user \"u\": token:"_s, u"only one is allowed"_s };
        QTest::addRow("token-file-missing") << user("    tokenFile: tokens/none.txt\n") << "x" << 0 << 11
                                            << QStringList { u"tokenFile: cannot read"_s, u"tokens/none.txt"_s };
        QTest::addRow("exec-v1-no-interactive")
            << user("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                    "      command: p\n")
            << "x" << 0 << 12 << QStringList { u"exec.interactiveMode: is required"_s };
        QTest::addRow("exec-bad-interactive")
            << user("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: p\n"
                    "      interactiveMode: Sometimes\n")
            << "x" << 0 << 14 << QStringList { u"exec.interactiveMode: \"Sometimes\""_s };
        QTest::addRow("exec-no-command") << user("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n")
                                         << "x" << 0 << 12 << QStringList { u"exec.command: is not set"_s };
        QTest::addRow("exec-args-not-list")
            << user("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: p\n"
                    "      args: {a: b}\n")
            << "x" << 0 << 14 << QStringList { u"exec.args: expected a list"_s };
        QTest::addRow("exec-v1alpha1-fixture")
            << QStringList { QStringLiteral("fixture:kubeconfig_exec-v1alpha1_cluster-extension_client-go-test.yaml") }
            << QString() << 0 << 25
            << QStringList { u"user \"foo-user\": exec.apiVersion:"_s, u"removed in Kubernetes 1.24"_s };
        QTest::addRow("gcp-fixture-merged")
            << QStringList { QStringLiteral("clusters:\n- name: production\n  cluster: {server: 'https://p'}\n"),
                             QStringLiteral("fixture:kubeconfig_gcp-auth-provider_client-go-test.yaml") }
            << QString() << 1 << 19 << QStringList { u"auth-provider.name:"_s, u"gke-gcloud-auth-plugin"_s };
        QTest::addRow("azure") << user("    auth-provider:\n      name: azure\n") << "x" << 0 << 12
                               << QStringList { u"auth-provider.name:"_s, u"kubelogin"_s };
        QTest::addRow("oidc-no-id-token")
            << user("    auth-provider:\n      name: oidc\n      config:\n"
                    "        refresh-token: r\n")
            << "x" << 0 << 14 << QStringList { u"id-token: is missing"_s, u"not supported"_s };
        QTest::addRow("unknown-auth-provider") << user("    auth-provider:\n      name: openstack\n") << "x" << 0 << 12
                                               << QStringList { u"unknown auth-provider \"openstack\""_s };
    }

    void resolveBad()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, context);
        QFETCH(int, fileIndex);
        QFETCH(int, line);
        QFETCH(QStringList, needles);

        const QString list = kubeconfigList(files);
        const auto config = KubeConfig::load(KubeConfigSources { {}, list, m_dir.path() });
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        const auto resolved = config->resolve(context);
        QVERIFY(!resolved.ok());
        const Core::Error &error = resolved.error();
        QCOMPARE(error.kind, Core::Error::Kind::Config);
        const QString file = list.split(QDir::listSeparator()).at(fileIndex);
        if (line > 0)
            QCOMPARE(error.where, QStringLiteral("%1:%2").arg(file).arg(line));
        else
            QVERIFY2(error.where.contains(file), qPrintable(error.where));
        for (const QString &needle : std::as_const(needles))
            QVERIFY2(error.message.contains(needle), qPrintable(error.toString() + QStringLiteral(" lacks ") + needle));
    }

    void loadBad_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("needle");

        QTest::addRow("unclosed-flow") << "clusters:\n- name: a\n  cluster: {server: [x\n" << 4 << "malformed YAML";
        QTest::addRow("bad-indent") << "users:\n- name: a\n  user:\n    token: x\n   bad: y\n" << 5 << "malformed YAML";
        QTest::addRow("top-level-list") << "- a\n- b\n" << 1 << "expected a kubeconfig map";
        QTest::addRow("clusters-not-list") << "apiVersion: v1\nclusters: nope\n" << 2 << "clusters: expected a list";
        QTest::addRow("entry-without-name") << "users:\n- user: {token: x}\n" << 2 << "users[0]: the entry has no name";
        QTest::addRow("cluster-not-map") << "clusters:\n- name: a\n  cluster: [1]\n"
                                         << 3 << "cluster \"a\": cluster: expected a map";
        QTest::addRow("aks-fragment-fixture") << "fixture:kubeconfig_aks-kubelogin_shape_FRAGMENT.yaml" << 7
                                              << "malformed YAML: this line is outside the structure";
        QTest::addRow("current-context-map") << "current-context: {a: b}\n" << 1 << "current-context:";
    }

    void loadBad()
    {
        QFETCH(QString, yaml);
        QFETCH(int, line);
        QFETCH(QString, needle);
        const QString path = materialise(yaml);
        const auto config = KubeConfig::load(KubeConfigSources { path, {}, {} });
        QVERIFY(!config.ok());
        QCOMPARE(config.error().kind, Core::Error::Kind::Config);
        QCOMPARE(config.error().where, QStringLiteral("%1:%2").arg(path).arg(line));
        QVERIFY2(config.error().message.contains(needle), qPrintable(config.error().toString()));
    }

    void sources_data()
    {
        QTest::addColumn<QString>("explicitPath");
        QTest::addColumn<QStringList>("env"); // entries; "missing" stands for a file that does not exist
        QTest::addColumn<bool>("home"); // create ~/.kube/config in the fake home
        QTest::addColumn<QString>("expected"); // "files:N current:NAME contexts:a,b" or "error:needle"
        QTest::addColumn<QString>("winner"); // the cluster of context "both" after the merge

        const QString a = QStringLiteral("current-context: a\ncontexts:\n- name: a\n  context: {cluster: ca}\n"
                                         "- name: both\n  context: {cluster: from-first}\n");
        const QString b = QStringLiteral("current-context: b\ncontexts:\n- name: b\n  context: {cluster: cb}\n"
                                         "- name: both\n  context: {cluster: from-second}\n");
        QTest::addRow("explicit") << a << QStringList { b } << true << "files:1 current:a contexts:a,both"
                                  << "from-first";
        QTest::addRow("explicit-directory")
            << "directory" << QStringList {} << true << "error:cannot read" << QString();
        QTest::addRow("explicit-missing") << "missing" << QStringList {} << true << "error:does not exist" << QString();
        QTest::addRow("env-merge-first-wins")
            << QString() << QStringList { a, b } << false << "files:2 current:a contexts:a,both,b"
            << "from-first";
        QTest::addRow("env-missing-ignored") << QString() << QStringList { u"missing"_s, b, u""_s, u"missing"_s }
                                             << false << "files:1 current:b contexts:b,both"
                                             << "from-second";
        QTest::addRow("env-empty-current-falls-through")
            << QString() << QStringList { QStringLiteral("current-context: \"\"\n"), b } << false
            << "files:2 current:b contexts:b,both"
            << "from-second";
        QTest::addRow("env-all-missing") << QString() << QStringList { u"missing"_s } << true
                                         << "error:none of the listed" << QString();
        QTest::addRow("home-default") << QString() << QStringList {} << true << "files:1 current:h contexts:h"
                                      << QString();
        QTest::addRow("home-missing") << QString() << QStringList {} << false << "error:no kubeconfig" << QString();
    }

    void sources()
    {
        QFETCH(QString, explicitPath);
        QFETCH(QStringList, env);
        QFETCH(bool, home);
        QFETCH(QString, expected);
        QFETCH(QString, winner);

        QTemporaryDir homeDir;
        if (home) {
            QVERIFY(QDir(homeDir.path()).mkpath(QStringLiteral(".kube")));
            QFile file(homeDir.filePath(QStringLiteral(".kube/config")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("current-context: h\ncontexts:\n- name: h\n  context: {cluster: x}\n");
        }
        const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.yaml"));
        QStringList paths;
        for (const QString &spec : std::as_const(env))
            paths << (spec == QLatin1String("missing") ? missing : spec.isEmpty() ? QString() : materialise(spec));
        const QString explicitFile = explicitPath == QLatin1String("directory") ? homeDir.path()
            : explicitPath == QLatin1String("missing")                          ? missing
            : explicitPath.isEmpty()                                            ? QString()
                                                                                : materialise(explicitPath);
        const auto config
            = KubeConfig::load(KubeConfigSources { explicitFile, paths.join(QDir::listSeparator()), homeDir.path() });
        if (expected.startsWith(QLatin1String("error:"))) {
            QVERIFY(!config.ok());
            QCOMPARE(config.error().kind, Core::Error::Kind::Config);
            QVERIFY2(config.error().message.contains(expected.mid(6)), qPrintable(config.error().toString()));
            return;
        }
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        const QString actual = QStringLiteral("files:%1 current:%2 contexts:%3")
                                   .arg(config->files().size())
                                   .arg(config->currentContext(), config->contextNames().join(u','));
        QCOMPARE(actual, expected);
        if (!winner.isEmpty()) {
            // The first file that defines a name wins: its cluster is the one looked up.
            const auto resolved = config->resolve(QStringLiteral("both"));
            QVERIFY(!resolved.ok());
            QVERIFY2(resolved.error().message.contains(winner), qPrintable(resolved.error().toString()));
        }
    }

    void everyFixtureFileIsAResultOrAnError()
    {
        // Whatever a file holds (JSON, metrics text, other YAML), loading and resolving each of its
        // contexts ends in a value or one located Config error, never a crash.
        const QDir fixtures(QFileInfo(fixture(u"NOTES.md"_s)).absolutePath());
        const QStringList names = fixtures.entryList(QDir::Files);
        QVERIFY(names.size() > 20);
        int resolvedContexts = 0;
        for (const QString &name : names) {
            const QString path = fixtures.filePath(name);
            const auto config = KubeConfig::load(KubeConfigSources { path, {}, {} });
            if (!config) {
                QCOMPARE(config.error().kind, Core::Error::Kind::Config);
                QVERIFY2(config.error().where.startsWith(path), qPrintable(config.error().toString()));
                continue;
            }
            const QStringList contexts = config->contextNames() << QString(); // and the current one
            for (const QString &context : contexts) {
                const auto resolved = config->resolve(context);
                ++resolvedContexts;
                if (!resolved) {
                    QCOMPARE(resolved.error().kind, Core::Error::Kind::Config);
                    QVERIFY2(!resolved.error().message.isEmpty() && !resolved.error().where.isEmpty(),
                             qPrintable(name));
                }
            }
        }
        QVERIFY(resolvedContexts >= 10);
    }

    void fromEnvironment()
    {
        qputenv("KUBECONFIG", "/a/b:/c/d");
        const auto sources = KubeConfigSources::fromEnvironment(QStringLiteral("/explicit"));
        QCOMPARE(sources.explicitPath, QStringLiteral("/explicit"));
        QCOMPARE(sources.kubeconfigEnv, QStringLiteral("/a/b:/c/d"));
        QCOMPARE(sources.homeDir, QDir::homePath());
        qunsetenv("KUBECONFIG");
        QCOMPARE(KubeConfigSources::fromEnvironment().kubeconfigEnv, QString());
    }

    void tokenFileRereads()
    {
        const QString path = m_dir.filePath(QStringLiteral("rotating-token"));
        const auto write = [&](const QByteArray &token) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(token);
        };
        write("first\n");
        const auto config = KubeConfig::load(KubeConfigSources {
            materialise(QStringLiteral("clusters:\n- name: c\n  cluster: {server: 'https://h'}\n"
                                       "contexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                                       "users:\n- name: u\n  user:\n    tokenFile: rotating-token\n")),
            {},
            {} });
        QVERIFY(config.ok());
        const auto resolved = config->resolve(QStringLiteral("x"));
        QVERIFY(resolved.ok());
        QCOMPARE(fetch(resolved->credentials), QStringLiteral("Bearer first"));
        write("second\n");
        QCOMPARE(fetch(resolved->credentials), QStringLiteral("Bearer first")); // cached briefly
        resolved->credentials->invalidate();
        QCOMPARE(fetch(resolved->credentials), QStringLiteral("Bearer second"));

        // Without a cache every fetch reads the file again; a vanished file is an Auth error.
        auto uncached = std::make_shared<Kube::TokenFileCredentialSource>(path, QStringLiteral("u"), Net::Credentials(),
                                                                          std::chrono::milliseconds(0));
        write("third");
        QCOMPARE(fetch(uncached), QStringLiteral("Bearer third"));
        QVERIFY(QFile::remove(path));
        QVERIFY(fetch(uncached).startsWith(QStringLiteral("error: ") + path));
    }
};

QTEST_GUILESS_MAIN(TestKubeConfig)
#include "tst_kubeconfig.moc"
