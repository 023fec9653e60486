// SPDX-License-Identifier: GPL-3.0-or-later
// How a user says where Prometheus is, and how a direct URL authenticates.
#include "model/prometheussettings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using Model::PrometheusSettings;

class TestPrometheusSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("detail"); // URL, or ns/[https:]service:port
        QTest::newRow("empty") << QString() << int(PrometheusSettings::Mode::Auto) << QString();
        QTest::newRow("auto") << u"auto"_qs << int(PrometheusSettings::Mode::Auto) << QString();
        QTest::newRow("none") << u"none"_qs << int(PrometheusSettings::Mode::None) << QString();
        QTest::newRow("url") << u"http://127.0.0.1:9090"_qs << int(PrometheusSettings::Mode::Url)
                             << u"http://127.0.0.1:9090"_qs;
        QTest::newRow("url with prefix") << u"https://mimir.example/prometheus"_qs << int(PrometheusSettings::Mode::Url)
                                         << u"https://mimir.example/prometheus"_qs;
        QTest::newRow("service") << u"service:monitoring/prometheus-k8s:9090"_qs
                                 << int(PrometheusSettings::Mode::Service) << u"monitoring/prometheus-k8s:9090"_qs;
        QTest::newRow("service https, named port")
            << u"service:openshift-monitoring/https:thanos-querier:web"_qs << int(PrometheusSettings::Mode::Service)
            << u"openshift-monitoring/https:thanos-querier:web"_qs;
    }

    void parse()
    {
        QFETCH(QString, spec);
        QFETCH(int, mode);
        QFETCH(QString, detail);
        const auto settings = PrometheusSettings::parse(spec);
        QVERIFY2(bool(settings), qPrintable(settings ? QString() : settings.error().toString()));
        QCOMPARE(int(settings.value().mode), mode);
        if (settings.value().mode == PrometheusSettings::Mode::Url)
            QCOMPARE(settings.value().url.toString(), detail);
        if (settings.value().mode == PrometheusSettings::Mode::Service) {
            const auto &s = settings.value();
            QCOMPARE(u"%1/%2%3:%4"_qs.arg(s.ns, s.https ? u"https:"_qs : QString(), s.service, s.port), detail);
        }
        // Saved profiles store spec() and parse it again.
        QCOMPARE(PrometheusSettings::parse(settings.value().spec()).value(), settings.value());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("word") << u"maybe"_qs << u"'maybe' is not auto, none, an http(s) URL"_qs;
        QTest::newRow("ftp") << u"ftp://host/x"_qs << u"'ftp://host/x' is not auto, none, an http(s) URL"_qs;
        QTest::newRow("no host") << u"http://"_qs << u"'http://' is not auto"_qs;
        QTest::newRow("service without port")
            << u"service:monitoring/prometheus"_qs << u"'service:monitoring/prometheus' is not service:NAMESPACE/"_qs;
        QTest::newRow("service upper case") << u"service:Monitoring/p:9090"_qs << u"is not service:NAMESPACE/"_qs;
    }

    void rejects()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        const auto settings = PrometheusSettings::parse(spec);
        QVERIFY(!settings);
        QCOMPARE(settings.error().where, u"--prometheus"_qs);
        QVERIFY2(settings.error().message.contains(message), qPrintable(settings.error().message));
        QCOMPARE(settings.error().kind, Core::Error::Kind::Config);
    }

    void headers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("tenant") << u"X-Scope-OrgID: team-a"_qs << QByteArray("X-Scope-OrgID") << QByteArray("team-a");
        QTest::newRow("no space") << u"X-Scope-OrgID:t1|t2"_qs << QByteArray("X-Scope-OrgID") << QByteArray("t1|t2");
        QTest::newRow("no colon") << u"X-Scope-OrgID team-a"_qs << QByteArray() << QByteArray();
        QTest::newRow("space in name") << u"X Scope: a"_qs << QByteArray() << QByteArray();
    }

    void headers()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const auto header = PrometheusSettings::parseHeader(text);
        QCOMPARE(bool(header), !name.isEmpty());
        if (header) {
            QCOMPARE(header.value().first, name);
            QCOMPARE(header.value().second, value);
        } else {
            QCOMPARE(header.error().where, u"--prometheus-header"_qs);
        }
    }

    void directEndpoint()
    {
        auto settings = PrometheusSettings::parse(u"https://prom.example:9443/tenant"_qs).value();
        settings.headers.append(QPair<QByteArray, QByteArray>("X-Scope-OrgID", "team-a"));
        settings.bearerToken = u"s3cret"_qs;
        settings.insecureSkipTlsVerify = true;
        const auto endpoint = settings.directEndpoint();
        QVERIFY(bool(endpoint));
        QCOMPARE(endpoint.value().baseUrl().toString(), u"https://prom.example:9443/tenant"_qs);
        QCOMPARE(endpoint.value().headers.size(), 1);
        QVERIFY(endpoint.value().context.insecureSkipTlsVerify);
        QVERIFY(endpoint.value().context.credentials);
    }

    void caFileErrors()
    {
        QTemporaryDir dir;
        auto settings = PrometheusSettings::parse(u"https://prom.example"_qs).value();
        settings.caFile = dir.filePath(u"missing.pem"_qs);
        auto endpoint = settings.directEndpoint();
        QVERIFY(!endpoint);
        QCOMPARE(endpoint.error().where, settings.caFile);
        QVERIFY(endpoint.error().message.startsWith(u"cannot read the Prometheus CA file"_qs));

        settings.caFile = dir.filePath(u"empty.pem"_qs);
        QFile file(settings.caFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        endpoint = settings.directEndpoint();
        QVERIFY(!endpoint);
        QCOMPARE(endpoint.error().message, u"no PEM certificate in the Prometheus CA file"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSettings)
#include "tst_prometheussettings.moc"
