// SPDX-License-Identifier: GPL-3.0-or-later
// Where a PromClient sends its requests: Prometheus directly, or through the Kubernetes service
// proxy of an API server that may itself sit below a path prefix (Rancher).

#include "prom/promclient.h"
#include "prom/promendpoint.h"

#include <QTest>

using namespace Specula;

class TestPromEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseUrl_data();
    void baseUrl();
    void timeParameter_data();
    void timeParameter();
};

void TestPromEndpoint::baseUrl_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("port");
    QTest::addColumn<bool>("https");
    QTest::addColumn<QString>("expected");

    // An empty service means a direct endpoint on `server`.
    QTest::newRow("direct") << u"http://127.0.0.1:9090"_qs << QString() << QString() << QString() << false
                            << u"http://127.0.0.1:9090"_qs;
    QTest::newRow("direct with prefix and slash") << u"https://gw.example/prometheus/"_qs << QString() << QString()
                                                  << QString() << false << u"https://gw.example/prometheus"_qs;
    QTest::newRow("proxy, port number")
        << u"https://10.0.0.1:6443"_qs << u"monitoring"_qs << u"prometheus"_qs << u"9090"_qs << false
        << u"https://10.0.0.1:6443/api/v1/namespaces/monitoring/services/prometheus:9090/proxy"_qs;
    QTest::newRow("proxy, https, named port")
        << u"https://10.0.0.1:6443"_qs << u"monitoring"_qs << u"prometheus-k8s"_qs << u"web"_qs << true
        << u"https://10.0.0.1:6443/api/v1/namespaces/monitoring/services/https:prometheus-k8s:web/proxy"_qs;
    QTest::newRow("proxy, no port") << u"https://10.0.0.1:6443"_qs << u"obs"_qs << u"thanos-query"_qs << QString()
                                    << false
                                    << u"https://10.0.0.1:6443/api/v1/namespaces/obs/services/thanos-query/proxy"_qs;
    QTest::newRow("proxy below Rancher's prefix")
        << u"https://rancher.example/k8s/clusters/c-m-abc/"_qs << u"cattle-monitoring-system"_qs
        << u"rancher-monitoring-prometheus"_qs << u"9090"_qs << false
        << u"https://rancher.example/k8s/clusters/c-m-abc/api/v1/namespaces/cattle-monitoring-system/services/rancher-monitoring-prometheus:9090/proxy"_qs;
}

void TestPromEndpoint::baseUrl()
{
    QFETCH(QString, server);
    QFETCH(QString, ns);
    QFETCH(QString, service);
    QFETCH(QString, port);
    QFETCH(bool, https);
    QFETCH(QString, expected);

    Prom::PromEndpoint endpoint;
    if (service.isEmpty()) {
        endpoint = Prom::PromEndpoint::direct(QUrl(server));
    } else {
        Net::ConnectionContext apiServer;
        apiServer.server = QUrl(server);
        apiServer.contextName = u"prod"_qs;
        endpoint = Prom::PromEndpoint::serviceProxy(apiServer, ns, service, port, https);
        // The API server's identity and credentials are what the proxy needs.
        QCOMPARE(endpoint.context.contextName, u"prod"_qs);
    }
    QCOMPARE(endpoint.baseUrl().toString(), expected);
}

void TestPromEndpoint::timeParameter_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("whole second") << qint64(1700000000000) << u"1700000000.000"_qs;
    QTest::newRow("milliseconds") << qint64(1435781451781) << u"1435781451.781"_qs;
    QTest::newRow("epoch") << qint64(0) << u"0.000"_qs;
}

void TestPromEndpoint::timeParameter()
{
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(Prom::PromClient::timeParameter(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)), expected);
}

QTEST_GUILESS_MAIN(TestPromEndpoint)
#include "tst_promendpoint.moc"
