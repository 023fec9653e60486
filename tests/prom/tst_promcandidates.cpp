// SPDX-License-Identifier: GPL-3.0-or-later
// Which Services the usual Prometheus installs create, and the order discovery tries them in.
#include "prom/promcandidates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Specula::Prom;

namespace {

// "ns/name:portName=port,portName=port[:label=value]"
QJsonObject service(const QString &spec)
{
    const QString id = spec.section(QLatin1Char(':'), 0, 0);
    const QString label = spec.section(QLatin1Char(':'), 2);
    QJsonArray ports;
    for (const QString &port : spec.section(QLatin1Char(':'), 1, 1).split(QLatin1Char(','), Qt::SkipEmptyParts))
        ports.append(QJsonObject { { QStringLiteral("name"), port.section(QLatin1Char('='), 0, 0) },
                                   { QStringLiteral("port"), port.section(QLatin1Char('='), 1).toInt() },
                                   { QStringLiteral("protocol"), QStringLiteral("TCP") } });
    return { { QStringLiteral("metadata"),
               QJsonObject { { QStringLiteral("namespace"), id.section(QLatin1Char('/'), 0, 0) },
                             { QStringLiteral("name"), id.section(QLatin1Char('/'), 1) },
                             { QStringLiteral("labels"),
                               QJsonObject { { label.section(QLatin1Char('='), 0, 0),
                                               label.section(QLatin1Char('='), 1) } } } } },
             { QStringLiteral("spec"), QJsonObject { { QStringLiteral("ports"), ports } } } };
}

QByteArray serviceList(const QStringList &specs)
{
    QJsonArray items;
    for (const QString &spec : specs)
        items.append(service(spec));
    return QJsonDocument(QJsonObject { { QStringLiteral("kind"), QStringLiteral("ServiceList") },
                                       { QStringLiteral("apiVersion"), QStringLiteral("v1") },
                                       { QStringLiteral("items"), items } })
        .toJson();
}

const QString kDefaults = QStringLiteral("default/kubernetes:https=443");
const QString kDns = QStringLiteral("kube-system/kube-dns:dns=53,dns-tcp=53,metrics=9153");

} // namespace

class TestPromCandidates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installs_data()
    {
        QTest::addColumn<QStringList>("services");
        QTest::addColumn<QStringList>("expected"); // candidate ids, best first

        QTest::newRow("none") << QStringList { kDefaults, kDns } << QStringList {};
        QTest::newRow("kube-prometheus") << QStringList {
            kDefaults, u"monitoring/alertmanager-main:web=9093"_qs,
            u"monitoring/prometheus-k8s:web=9090,reloader-web=8080"_qs, u"monitoring/prometheus-operated:web=9090"_qs
        } << QStringList { u"monitoring/prometheus-k8s:9090"_qs, u"monitoring/prometheus-operated:9090"_qs };
        QTest::newRow("kube-prometheus-stack") << QStringList {
            u"obs/kps-kube-prometheus-stack-prometheus:http-web=9090:app=kube-prometheus-stack-prometheus"_qs,
            u"obs/kps-grafana:http-web=80"_qs
        } << QStringList { u"obs/kps-kube-prometheus-stack-prometheus:9090"_qs };
        QTest::newRow("kube-prometheus-stack, release 'prometheus'")
            << QStringList { u"monitoring/prometheus-kube-prometheus-prometheus:http-web=9090"_qs }
            << QStringList { u"monitoring/prometheus-kube-prometheus-prometheus:9090"_qs };
        QTest::newRow("kube-prometheus-stack, truncated name found by label") << QStringList {
            u"mon/mymonitoring-kube-promethe-prometheus:http-web=9090,reloader-web=8080:app=kube-prometheus-stack-prometheus"_qs
        } << QStringList { u"mon/mymonitoring-kube-promethe-prometheus:9090"_qs };
        QTest::newRow("helm chart") << QStringList { u"prometheus/prometheus-server:http=80"_qs,
                                                     u"prometheus/prometheus-kube-state-metrics:http=8080"_qs,
                                                     u"prometheus/prometheus-alertmanager:http=9093"_qs }
                                    << QStringList { u"prometheus/prometheus-server:80"_qs };
        QTest::newRow("openshift prefers the querier")
            << QStringList { u"openshift-monitoring/prometheus-k8s:web=9091,tenancy=9092"_qs,
                             u"openshift-monitoring/thanos-querier:web=9091,tenancy=9092,tenancy-rules=9093"_qs,
                             u"openshift-monitoring/prometheus-operated:web=9090"_qs }
            << QStringList { u"openshift-monitoring/https:thanos-querier:9091"_qs,
                             u"openshift-monitoring/prometheus-k8s:9091"_qs,
                             u"openshift-monitoring/prometheus-operated:9090"_qs };
        QTest::newRow("thanos-querier elsewhere is not OpenShift's")
            << QStringList { u"monitoring/thanos-querier:web=9091"_qs } << QStringList {};
        QTest::newRow("lens") << QStringList { u"lens-metrics/prometheus:web=80"_qs, kDns }
                              << QStringList { u"lens-metrics/prometheus:80"_qs };
        QTest::newRow("prometheus elsewhere is not lens")
            << QStringList { u"default/prometheus:web=80"_qs } << QStringList {};
        QTest::newRow("thanos query before a replica")
            << QStringList { u"monitoring/prometheus-k8s:web=9090"_qs, u"thanos/thanos-query:grpc=10901,http=10902"_qs }
            << QStringList { u"thanos/thanos-query:10902"_qs, u"monitoring/prometheus-k8s:9090"_qs };
        QTest::newRow("victoriametrics") << QStringList {
            u"vm/vmsingle-main:http=8429"_qs, u"vm/vm-victoria-metrics-single-server:http=8428"_qs
        } << QStringList { u"vm/vmsingle-main:8429"_qs, u"vm/vm-victoria-metrics-single-server:8428"_qs };
        QTest::newRow("port found by number when unnamed") << QStringList { u"monitoring/prometheus-k8s:=9090"_qs }
                                                           << QStringList { u"monitoring/prometheus-k8s:9090"_qs };
        QTest::newRow("port found by number among others")
            << QStringList { u"monitoring/prometheus-k8s:metrics=8080,api=9090"_qs }
            << QStringList { u"monitoring/prometheus-k8s:9090"_qs };
        QTest::newRow("service without ports is skipped")
            << QStringList { u"monitoring/prometheus-k8s:"_qs, u"monitoring/prometheus-operated:web=9090"_qs }
            << QStringList { u"monitoring/prometheus-operated:9090"_qs };
        QTest::newRow("two installs: stable order")
            << QStringList { u"team-b/prometheus-operated:web=9090"_qs, u"team-a/prometheus-operated:web=9090"_qs }
            << QStringList { u"team-a/prometheus-operated:9090"_qs, u"team-b/prometheus-operated:9090"_qs };
    }

    void installs()
    {
        QFETCH(QStringList, services);
        QFETCH(QStringList, expected);
        const auto candidates = PromCandidates::fromServiceList(serviceList(services));
        QVERIFY2(bool(candidates), qPrintable(candidates ? QString() : candidates.error().toString()));
        QStringList ids;
        for (const PromCandidate &candidate : candidates.value())
            ids.append(candidate.id());
        QCOMPARE(ids, expected);
    }

    void badLists_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>") << u"the Service list is not JSON"_qs;
        QTest::newRow("status") << QByteArray(R"({"kind":"Status","status":"Failure"})")
                                << u"the answer is not a ServiceList (no items)"_qs;
    }

    void badLists()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto candidates = PromCandidates::fromServiceList(body);
        QVERIFY(!bool(candidates));
        QVERIFY2(candidates.error().message.startsWith(message), qPrintable(candidates.error().message));
        QCOMPARE(candidates.error().where, u"/api/v1/services"_qs);
    }

    void wellKnownNamesAreUnique()
    {
        QSet<QString> ids;
        for (const PromCandidate &candidate : PromCandidates::wellKnown())
            ids.insert(candidate.id());
        QCOMPARE(ids.size(), PromCandidates::wellKnown().size());
        QVERIFY(ids.contains(u"monitoring/prometheus-k8s:9090"_qs));
        QVERIFY(ids.contains(u"openshift-monitoring/https:thanos-querier:9091"_qs));
    }
};

QTEST_GUILESS_MAIN(TestPromCandidates)
#include "tst_promcandidates.moc"
