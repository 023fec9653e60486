// SPDX-License-Identifier: GPL-3.0-or-later
// Every catalogue query, in every dialect the simulator can speak, against a real Prometheus
// backfilled with the simulator's own history and against the simulator's Prometheus API: the
// dialect both are probed to speak must be the same, and every query the catalogue builds for it
// (unscoped and scoped to one pod) must give the same answer, instant and range.
#include "kube/staticcredentialsource.h"
#include "prom/dialectprobe.h"
#include "prom/metriccatalogue.h"
#include "prom/promclient.h"
#include "promagreement.h"
#include "sim/metricsconfigparser.h"
#include "sim/metricset.h"
#include "sim/scenario.h"
#include "sim/simserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Specula;
using Prom::Metric;

namespace {

// ~40 minutes of history: enough for the 5 min rate window at every instant compared, short
// enough that six backfills stay within a few minutes under ASan too.
constexpr qint64 historySeconds = 2400;

} // namespace

class TestCatalogueAgreement : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    int m_comparisons = 0;
    QElapsedTimer m_clock;

    static Net::ConnectionContext context(const Sim::SimServer &sim)
    {
        Net::ConnectionContext context;
        context.contextName = QStringLiteral("sim");
        context.server = sim.url();
        context.caCertificates = QSslCertificate::fromData(Sim::SimServer::caCertificatePem());
        Net::Credentials credentials;
        credentials.authorization = "Bearer " + sim.bearerToken();
        context.credentials = std::make_shared<Kube::StaticCredentialSource>(credentials);
        return context;
    }

    // The dialect DialectProbe finds behind endpoint, or an error text.
    std::variant<Prom::Dialect, QString> probe(const Prom::PromEndpoint &endpoint, const QStringList &nodeNames)
    {
        Prom::PromClient client(&m_nam, endpoint);
        Prom::DialectProbe probe(&client, nodeNames);
        QSignalSpy finished(&probe, &Prom::DialectProbe::finished);
        QSignalSpy failed(&probe, &Prom::DialectProbe::failed);
        probe.start();
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 60000))
            return QStringLiteral("the probe gave no answer in 60 s");
        if (!failed.isEmpty())
            return failed.first().first().value<Core::Error>().toString();
        return finished.first().first().value<Prom::Dialect>();
    }

    static QString errorOf(const std::variant<Prom::Dialect, QString> &probed)
    {
        return std::holds_alternative<QString>(probed) ? std::get<QString>(probed) : QString();
    }

    // A label value of the first series of family that has non-empty values for all of labels.
    static Prom::Scope podScope(const Sim::MetricSet &metrics, const QString &family, const QString &nsLabel,
                                const QString &podLabel)
    {
        const Sim::SimFamily *found = metrics.family(family);
        if (!found)
            return {};
        for (const Sim::SimSeries &series : found->series) {
            const QString ns = series.labels.value(nsLabel);
            const QString pod = series.labels.value(podLabel);
            if (!ns.isEmpty() && !pod.isEmpty())
                return Prom::Scope { ns, pod, {}, {} };
        }
        return {};
    }

    static bool isVfMetric(Metric metric) { return metric == Metric::VfRx || metric == Metric::VfTx; }
    static bool isNodeMetric(Metric metric) { return metric == Metric::NodePower || metric == Metric::NodeEnergy; }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Prom::Dialect>();
        qRegisterMetaType<Core::Error>();
        m_clock.start();
    }

    void cleanupTestCase()
    {
        qInfo("%d comparisons with a real Prometheus in %.1f s", m_comparisons, m_clock.elapsed() / 1000.0);
    }

    void agreement_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QList<int>>("unsupported");
        const auto list = [](std::initializer_list<Metric> metrics) {
            QList<int> out;
            for (Metric metric : metrics)
                out << int(metric);
            return out;
        };
        QTest::addRow("demo-default") << QString() << QList<int>();
        QTest::addRow("hostname-exported-pod-kepler-0.9")
            << QStringLiteral("dcgm-node=hostname,dcgm-pod=exported_pod,kepler=0.9") << QList<int>();
        QTest::addRow("pod-name-lower-uuid-kepler-0.10")
            << QStringLiteral("dcgm-pod=pod_name,dcgm-uuid=uuid,kepler=0.10") << QList<int>();
        QTest::addRow("no-node-hostname-is-pod") << QStringLiteral("dcgm-node=none,hostname-is-pod") << QList<int>();
        QTest::addRow("node-blanks-empty-pods-no-kepler")
            << QStringLiteral("dcgm-node=node,blank-sentinels,empty-pod-labels,kepler=none")
            << list({ Metric::PodPower, Metric::PodEnergy, Metric::NodePower, Metric::NodeEnergy });
        QTest::addRow("no-cadvisor-ksm-sriov")
            << QStringLiteral("cadvisor=false,kube-state-metrics=false,sriov-exporter=false")
            << list({ Metric::PodCpu, Metric::PodMemory, Metric::PodNetRx, Metric::PodNetTx, Metric::PodGpuRequests,
                      Metric::VfRx, Metric::VfTx });
    }

    void agreement()
    {
        QFETCH(QString, spec);
        QFETCH(QList<int>, unsupported);
        QElapsedTimer rowClock;
        rowClock.start();

        auto scenario = Sim::loadScenario(QStringLiteral("builtin:demo"));
        QVERIFY2(scenario, qPrintable(scenario ? QString() : scenario.error().toString()));
        if (!spec.isEmpty()) {
            auto config = Sim::parseMetricsDialect(spec, scenario->metrics);
            QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
            scenario->metrics = *config;
        }
        QStringList nodeNames;
        for (const Sim::NodeDesc &node : scenario->nodes)
            nodeNames << node.name;
        const Sim::MetricSet metrics = Sim::MetricSet::build(*scenario);
        Sim::ServerOptions options;
        options.tickMs = -1;
        Sim::SimServer sim(*scenario, options);
        QVERIFY(sim.start());
        const qint64 interval = metrics.scrapeInterval();
        const qint64 wall = QDateTime::currentSecsSinceEpoch();
        const qint64 now = wall - wall % interval - interval;

        // The simulator first: the families it reports are those the real server gets.
        Prom::PromEndpoint simEndpoint
            = Prom::PromEndpoint::direct(QUrl(sim.url().toString() + QStringLiteral("/prometheus")));
        simEndpoint.context = context(sim);
        simEndpoint.context.server = QUrl(sim.url().toString() + QStringLiteral("/prometheus"));
        auto simProbed = probe(simEndpoint, nodeNames);
        QVERIFY2(std::holds_alternative<Prom::Dialect>(simProbed), qPrintable(errorOf(simProbed)));
        const Prom::Dialect simDialect = std::get<Prom::Dialect>(simProbed);
        QVERIFY(!simDialect.families.isEmpty());

        SimTest::PromAgreement agreement;
        const QString error = agreement.start(&sim, metrics, now, historySeconds, simDialect.families);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto realProbed = probe(Prom::PromEndpoint::direct(agreement.prometheusUrl()), nodeNames);
        QVERIFY2(std::holds_alternative<Prom::Dialect>(realProbed), qPrintable(errorOf(realProbed)));
        const Prom::Dialect dialect = std::get<Prom::Dialect>(realProbed);
        QVERIFY2(dialect == simDialect,
                 qPrintable(
                     QStringLiteral("Prometheus: %1\nsimulator:  %2").arg(dialect.describe(), simDialect.describe())));

        const Prom::MetricCatalogue catalogue(dialect);
        for (int metric : unsupported) {
            QVERIFY2(!catalogue.supports(Metric(metric)), qPrintable(Prom::MetricCatalogue::name(Metric(metric))));
            QVERIFY(!catalogue.expr(Metric(metric)));
        }

        const Prom::Scope gpuPod = podScope(metrics, dialect.dcgmFamily(QStringLiteral("DCGM_FI_DEV_GPU_UTIL")),
                                            dialect.namespaceLabel, dialect.podLabel);
        const Prom::Scope vfPod = podScope(metrics, QStringLiteral("sriov_kubepoddevice"), dialect.sriovNamespaceLabel,
                                           dialect.sriovPodLabel);
        // Every dialect keeps some holder in dcgm's pod label and in sriov_kubepoddevice (even
        // with empty-pod-labels only some series lose it), so the scoped queries always run.
        QVERIFY2(!gpuPod.pod.isEmpty(), "no dcgm series names a holding pod");
        QVERIFY2(!dialect.sriovPodDevice || !vfPod.pod.isEmpty(), "no sriov_kubepoddevice series names a pod");
        const qint64 nowMs = now * 1000;
        const QList<qint64> instants { nowMs, nowMs - 907 * 1000 };
        int supported = 0;
        for (Metric metric : Prom::MetricCatalogue::all()) {
            if (!catalogue.supports(metric))
                continue;
            ++supported;
            const QString name = Prom::MetricCatalogue::name(metric);
            struct Query
            {
                QString expr;
                SimTest::PromAgreement::Expect expect;
            };
            QList<Query> queries;
            const std::optional<QString> unscoped = catalogue.expr(metric);
            QVERIFY2(unscoped, qPrintable(name));
            queries.append({ *unscoped, SimTest::PromAgreement::NonEmpty });
            if (const QString keyed = catalogue.keyed(metric, *unscoped); keyed != *unscoped)
                queries.append({ keyed, SimTest::PromAgreement::NonEmpty });
            // Node metrics have no pod to narrow to; pods without a GPU or VF prove nothing.
            const Prom::Scope &scope = isVfMetric(metric) ? vfPod : gpuPod;
            if (!isNodeMetric(metric) && !scope.pod.isEmpty()) {
                const std::optional<QString> scoped = catalogue.expr(metric, scope);
                QVERIFY2(scoped, qPrintable(name));
                // Every metric has series for the chosen pod in every dialect: its GPU carries the
                // profiling fields and its node runs Kepler, so an empty answer is a failure.
                queries.append({ *scoped, SimTest::PromAgreement::NonEmpty });
            }
            for (const Query &query : queries) {
                for (qint64 at : instants) {
                    const QString difference = agreement.compareInstant(query.expr, at, query.expect);
                    QVERIFY2(difference.isEmpty(), qPrintable(name + QStringLiteral(": ") + difference));
                    ++m_comparisons;
                }
                const QString range = agreement.compareRange(query.expr, nowMs - 1800 * 1000, nowMs, 60, query.expect);
                QVERIFY2(range.isEmpty(), qPrintable(name + QStringLiteral(": ") + range));
                ++m_comparisons;
            }
        }
        QVERIFY(supported > 0);
        qInfo("%s: %d metrics, %lld points backfilled, %.1f s", qPrintable(spec.isEmpty() ? u"default"_qs : spec),
              supported, qint64(agreement.pointCount()), rowClock.elapsed() / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestCatalogueAgreement)
#include "tst_catalogueagreement.moc"
