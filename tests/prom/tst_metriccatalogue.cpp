// SPDX-License-Identifier: GPL-3.0-or-later
// Every catalogue query in every dialect against a real Prometheus. The history is the real
// dcgm-exporter and Kepler samples of ../shared/fixtures relabelled into each dialect (plus the
// series no fixture shows: a time-shared GPU, blank sentinels, a MIG parent's meaningless 0,
// cAdvisor, kube-state-metrics and SR-IOV series), one dialect per hour-long slot so that an
// instant query at the end of a slot sees that dialect alone. The expected series are computed
// from the same canonical points (catalogueworld.h), not by PromQL.
#include "catalogueworld.h"
#include "prom/metriccatalogue.h"
#include "prom/promclient.h"
#include "prom/promjob.h"

#include <QRegularExpression>
#include <QTest>
#include <functional>

using namespace Specula;
using namespace Specula::Prom;
using namespace Specula::Test;

namespace {

QString line(const MetricKey &key, double value)
{
    QStringList parts;
    auto field = [&parts](const char *name, const QString &text) {
        if (!text.isEmpty())
            parts << QLatin1String(name) + u'=' + text;
    };
    field("node", key.node);
    field("uuid", key.uuid);
    field("gpu", key.gpuIndex ? QString::number(*key.gpuIndex) : QString());
    field("pci", key.pciBusId);
    field("model", key.model);
    field("mig", key.migProfile + (key.migInstance ? u'#' + QString::number(*key.migInstance) : QString()));
    field("pod", key.podKey());
    field("container", key.container);
    field("if", key.interface);
    field("vf", key.pciAddress);
    field("instance", key.instance);
    return parts.join(u' ') + u" = " + QString::number(value, 'g', 10);
}

QStringList lines(const QList<Expected> &expected)
{
    QStringList result;
    for (const Expected &e : expected)
        result << line(e.key, e.value);
    result.sort();
    return result;
}

// The functions and keywords of the subset the simulator implements; anything else followed by
// "(" would be outside it.
QString outsideSubset(const QString &expr)
{
    static const QSet<QString> allowed = { u"rate"_qs,
                                           u"irate"_qs,
                                           u"increase"_qs,
                                           u"avg_over_time"_qs,
                                           u"max_over_time"_qs,
                                           u"min_over_time"_qs,
                                           u"last_over_time"_qs,
                                           u"label_replace"_qs,
                                           u"sum"_qs,
                                           u"avg"_qs,
                                           u"max"_qs,
                                           u"min"_qs,
                                           u"count"_qs,
                                           u"by"_qs,
                                           u"without"_qs,
                                           u"on"_qs,
                                           u"ignoring"_qs,
                                           u"group_left"_qs,
                                           u"group_right"_qs,
                                           u"and"_qs,
                                           u"or"_qs,
                                           u"unless"_qs };
    static const QRegularExpression call(QStringLiteral("([A-Za-z_][A-Za-z0-9_]*)\\s*\\("));
    QString stripped = expr;
    stripped.remove(QRegularExpression(QStringLiteral("\"(\\\\.|[^\"\\\\])*\""))); // string literals
    for (const auto &match : call.globalMatch(stripped)) {
        if (!allowed.contains(match.captured(1)))
            return match.captured(1);
    }
    if (stripped.contains(u"bool") || stripped.contains(u"offset") || stripped.contains(u'@'))
        return u"modifier"_qs;
    return {};
}

struct Outcome
{
    std::optional<PromResponse> response;
    QString error;
};

Outcome run(PromJob *job)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &PromJob::finished, job, [outcome](const PromResponse &r) { outcome->response = r; });
    QObject::connect(job, &PromJob::failed, job, [outcome](const Core::Error &e) { outcome->error = e.toString(); });
    QSignalSpy destroyed(job, &QObject::destroyed);
    if (!destroyed.wait(15000))
        outcome->error = u"no answer within 15 s"_qs;
    return *outcome;
}

} // namespace

Q_DECLARE_METATYPE(Specula::Prom::Metric)
Q_DECLARE_METATYPE(Specula::Prom::Scope)

class TestMetricCatalogue : public QObject
{
    Q_OBJECT

private:
    QList<Slot> m_slots;
    Test::PromServerFixture m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<PromClient> m_client;

    const Slot &slotNamed(const QString &name) const
    {
        for (const Slot &slot : m_slots) {
            if (slot.row.name == name)
                return slot;
        }
        return m_slots.first();
    }

    QStringList answer(const Slot &slot, Metric metric, const QString &expr, QString *error)
    {
        const Outcome outcome = run(m_client->query(expr, QDateTime::fromSecsSinceEpoch(slot.row.time)));
        if (!outcome.response) {
            *error = outcome.error + u" for " + expr;
            return {};
        }
        const MetricCatalogue catalogue(slot.detected);
        QList<Expected> actual;
        for (const Series &series : outcome.response->query.series)
            actual << Expected { catalogue.keyOf(metric, series.labels), series.samples.value(0).value };
        return lines(actual);
    }

    QList<Expected> expected(const Slot &slot, Metric metric) const
    {
        const MetricCatalogue catalogue(slot.detected);
        if (!catalogue.supports(metric))
            return {};
        return metric <= Metric::GpuEnergy ? expectedGpu(slot.row, metric, slot.gpus)
                                           : expectedCluster(slot.row, metric, slot.cluster);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Metric>();
        const qint64 now = QDateTime::currentSecsSinceEpoch() / step * step - 600;
        QList<Test::PromPoint> all;
        const QList<Row> defined = rows();
        for (qsizetype i = 0; i < defined.size(); ++i) {
            m_slots << buildSlot(defined[i], now - 3600 * i);
            all += m_slots.last().points;
        }
        QVERIFY(!m_slots.first().gpus.isEmpty());
        const QString error = m_server.start(all);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_client = std::make_unique<PromClient>(&m_nam, PromEndpoint::direct(m_server.url()));
    }

    void cleanupTestCase() { m_server.stop(); }

    // The dialect each slot's labels give is the one its row was written in.
    void detect_data()
    {
        QTest::addColumn<QString>("row");
        for (const Row &row : rows())
            QTest::addRow("%s", qPrintable(row.name)) << row.name;
    }

    void detect()
    {
        QFETCH(QString, row);
        const Slot &slot = slotNamed(row);
        const Dialect &d = slot.detected;
        QCOMPARE(d.dcgm, slot.row.dcgm);
        if (slot.row.dcgm) {
            const QString node[] = { u"Hostname"_qs, u"hostname"_qs, u"node"_qs, QString() };
            QCOMPARE(d.dcgmNodeLabel, node[int(slot.row.node)]);
            QCOMPARE(d.hostnameIsPod, slot.row.hostnameIsPod);
            const QString pod[] = { u"pod"_qs, u"exported_pod"_qs, u"pod_name"_qs };
            QCOMPARE(d.podLabel, pod[int(slot.row.pods)]);
            QCOMPARE(d.uuidLabel, slot.row.lowerUuid ? u"uuid"_qs : u"UUID"_qs);
        }
        QCOMPARE(d.kepler, slot.row.kepler);
        QCOMPARE(d.cadvisor, slot.row.cadvisor);
        QCOMPARE(d.kubeStateMetrics, slot.row.ksm);
        QCOMPARE(d.sriovExporter, slot.row.sriov);
        QCOMPARE(d.sriovPodDevice, slot.row.podDevice);
        QCOMPARE(d.sriovPodLabel, slot.row.sriovExported ? u"exported_pod"_qs : u"pod"_qs);
    }

    void query_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<Metric>("metric");
        QTest::addColumn<bool>("supported");
        for (const Row &row : rows()) {
            for (const Metric metric : MetricCatalogue::all()) {
                bool supported = false;
                if (metric <= Metric::GpuEnergy)
                    supported = row.dcgm;
                else if (metric <= Metric::PodNetTx)
                    supported = row.cadvisor;
                else if (metric == Metric::PodGpuRequests)
                    supported = row.ksm;
                else if (metric <= Metric::NodeEnergy)
                    supported = row.kepler != Dialect::Kepler::None;
                else
                    supported = row.sriov;
                QTest::addRow("%s/%s", qPrintable(row.name), qPrintable(MetricCatalogue::name(metric)))
                    << row.name << metric << supported;
            }
        }
    }

    void query()
    {
        QFETCH(QString, row);
        QFETCH(Metric, metric);
        QFETCH(bool, supported);
        const Slot &slot = slotNamed(row);
        const MetricCatalogue catalogue(slot.detected);
        QCOMPARE(catalogue.supports(metric), supported);
        const std::optional<QString> expr = catalogue.expr(metric);
        QCOMPARE(expr.has_value(), supported);
        if (!expr)
            return;
        QCOMPARE(outsideSubset(*expr), QString());
        QString error;
        const QStringList actual = answer(slot, metric, *expr, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList wanted = lines(expected(slot, metric));
        QVERIFY(!wanted.isEmpty());
        if (actual != wanted)
            qWarning().noquote() << *expr << "\nactual:\n  " << actual.join(u"\n  ") << "\nexpected:\n  "
                                 << wanted.join(u"\n  ");
        QCOMPARE(actual, wanted);

        // With every label but the key's aggregated away, each series keeps its key and value.
        const QString keyed = catalogue.keyed(metric, *expr);
        QCOMPARE(keyed == *expr, catalogue.keyLabels(metric).isEmpty());
        QCOMPARE(outsideSubset(keyed), QString());
        QCOMPARE(answer(slot, metric, keyed, &error), wanted);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // A scope narrows the answer to the same series the full answer has for that pod, GPU or
    // node; nodes narrow only where the dialect names nodes.
    void scoped_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<Metric>("metric");
        QTest::addColumn<Scope>("scope");
        QTest::addColumn<int>("count"); // in the modern dialect

        Scope pod0 { u"team-a"_qs, u"infer-0"_qs, {}, {} };
        Scope pod1 { u"team-a"_qs, u"infer-1"_qs, {}, {} };
        Scope migPod {
            u"model-playground-stg"_qs, u"text-embedding-predictor-00008-deployment-57946f6c67-vdtjl"_qs, {}, {}
        };
        Scope a100 { {}, {}, {}, { u"GPU-34319582-d595-d1c7-d1d2-179bcfa61660"_qs } };
        Scope twoGpus { {},
                        {},
                        {},
                        { u"GPU-34319582-d595-d1c7-d1d2-179bcfa61660"_qs,
                          u"GPU-6bf47ca9-ad3e-15db-beed-1079a7d74116"_qs } };
        Scope a100Host { {}, {}, { a100Node }, {} };
        Scope gpuHosts { {}, {}, { t138Node, h100Node }, {} };
        Scope dpdk { u"team-b"_qs, u"dpdk-0"_qs, {}, {} };
        // PCI addresses repeat across nodes: a VF is its address on its exporter's host.
        Scope oneVf;
        oneVf.vfAddresses = { u"0000:d8:02.1"_qs };
        oneVf.hosts = { h100Node };
        Scope pfVfs;
        pfVfs.vfAddresses = { u"0000:d8:02.0"_qs, u"0000:d8:02.1"_qs, u"0000:d8:02.2"_qs };
        pfVfs.hosts = { t138Node, u"10.0.0.9"_qs };
        struct Case
        {
            const char *name;
            Metric metric;
            Scope scope;
            int count;
        };
        const Case cases[] = {
            { "util-time-shared-pod", Metric::GpuUtil, pod0, 1 },
            { "util-mig-pod", Metric::GpuUtil, migPod, 1 },
            { "util-mig-gpu", Metric::GpuUtil, a100, 1 },
            { "util-two-gpus", Metric::GpuUtil, twoGpus, 3 },
            { "util-nodes", Metric::GpuUtil, gpuHosts, 5 },
            { "memory-node", Metric::GpuMemUsed, a100Host, 1 },
            { "energy-pod", Metric::GpuEnergy, pod1, 1 },
            { "cpu-pod", Metric::PodCpu, pod1, 1 },
            { "net-pod", Metric::PodNetRx, pod0, 2 },
            { "net-node", Metric::PodNetTx, a100Host, 0 },
            { "requests-nodes", Metric::PodGpuRequests, gpuHosts, 3 },
            { "pod-power", Metric::PodPower, pod0, 1 },
            { "node-power", Metric::NodePower, a100Host, 0 },
            { "vf-pod", Metric::VfRx, dpdk, 2 },
            { "vf-other-pod", Metric::VfTx, pod0, 1 },
            { "vf-one-on-its-node", Metric::VfRx, oneVf, 1 },
            { "vf-three-on-a-node", Metric::VfTx, pfVfs, 3 },
        };
        for (const Row &row : rows()) {
            for (const Case &c : cases) {
                QTest::addRow("%s/%s", qPrintable(row.name), c.name) << row.name << c.metric << c.scope << c.count;
            }
        }
    }

    void scoped()
    {
        QFETCH(QString, row);
        QFETCH(Metric, metric);
        QFETCH(Scope, scope);
        QFETCH(int, count);
        const Slot &slot = slotNamed(row);
        const MetricCatalogue catalogue(slot.detected);
        const std::optional<QString> expr = catalogue.expr(metric, scope);
        if (!catalogue.supports(metric)) {
            QVERIFY(!expr);
            return;
        }
        const bool onePod = !scope.pod.isEmpty();
        if ((metric == Metric::VfRx || metric == Metric::VfTx) && onePod && !slot.detected.sriovPodDevice) {
            QVERIFY2(!expr, "without sriov_kubepoddevice no VF can be narrowed to a pod");
            return;
        }
        QVERIFY(expr);
        QCOMPARE(outsideSubset(*expr), QString());
        QList<Expected> wanted;
        for (const Expected &e : expected(slot, metric)) {
            if (onePod && (e.key.ns != scope.ns || e.key.pod != scope.pod))
                continue;
            if (!scope.uuids.isEmpty() && !scope.uuids.contains(e.key.uuid))
                continue;
            if (!scope.nodes.isEmpty() && !e.key.node.isEmpty() && !scope.nodes.contains(e.key.node))
                continue;
            if (!scope.vfAddresses.isEmpty() && !scope.vfAddresses.contains(e.key.pciAddress))
                continue;
            if (!scope.hosts.isEmpty() && !scope.hosts.contains(e.key.instance.section(u':', 0, 0)))
                continue;
            wanted << e;
        }
        if (slot.row.name == u"modern")
            QCOMPARE(wanted.size(), count);
        QString error;
        const QStringList actual = answer(slot, metric, *expr, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(actual, lines(wanted));
    }

    void names()
    {
        QSet<QString> seen;
        for (const Metric metric : MetricCatalogue::all()) {
            const QString name = MetricCatalogue::name(metric);
            QVERIFY(!seen.contains(name));
            seen << name;
            QCOMPARE(MetricCatalogue::fromName(name), std::optional<Metric>(metric));
            QVERIFY(!MetricCatalogue::unit(metric).isEmpty());
        }
        QCOMPARE(seen.size(), 21);
        QCOMPARE(MetricCatalogue::name(Metric::GpuUtil), u"gpu_util"_qs);
        QCOMPARE(MetricCatalogue::unit(Metric::GpuTemp), u"°C"_qs);
        QCOMPARE(MetricCatalogue::fromName(u"gpu-util"_qs), std::nullopt);
    }

    void blanks_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("blank");
        QTest::addRow("int64-not-supported") << 9223372036854775794.0 << true;
        QTest::addRow("int64-blank") << 9223372036854775792.0 << true;
        QTest::addRow("fp64-blank") << 140737488355328.0 << true;
        QTest::addRow("fp64-not-found") << 140737488355329.0 << true;
        QTest::addRow("energy-mj") << 4335301032.0 << false;
        QTest::addRow("zero") << 0.0 << false;
        QTest::addRow("ratio") << 0.99563 << false;
    }

    void blanks()
    {
        QFETCH(double, value);
        QFETCH(bool, blank);
        QCOMPARE(MetricCatalogue::isBlank(value), blank);
    }

    void quoting()
    {
        QCOMPARE(MetricCatalogue::quoted(u"a\"b\\c"_qs), u"\"a\\\"b\\\\c\""_qs);
        QCOMPARE(MetricCatalogue::alternation({ u"gpu-1.example.com"_qs, u"n(2)"_qs }),
                 u"gpu-1\\.example\\.com|n\\(2\\)"_qs);
        MetricCatalogue catalogue(Dialect::standard());
        catalogue.setRateWindow(std::chrono::seconds(90));
        QVERIFY(catalogue.expr(Metric::PodCpu)->contains(u"[90s]"));
        catalogue.setRateWindow(std::chrono::hours(1));
        QVERIFY(catalogue.expr(Metric::VfRx)->contains(u"[1h]"));
    }
};

QTEST_GUILESS_MAIN(TestMetricCatalogue)
#include "tst_metriccatalogue.moc"
