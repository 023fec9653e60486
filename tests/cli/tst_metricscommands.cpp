// SPDX-License-Identifier: GPL-3.0-or-later
// `specula snapshot` and `specula export pod` with metrics: the processes find the simulated
// cluster's Prometheus through the API server's service proxy and must report exactly what the
// simulator's generators say.
#include "../nearlyequal.h"
#include "../sim/simtesthelpers.h"
#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"
#include "sim/scenario.h"
#include "sim/simserver.h"
#include "speculaprocess.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace Specula;
using CliTest::byName;
using CliTest::Run;
using CliTest::runSpecula;
using Sim::DcgmMetrics;

namespace {

constexpr qint64 kScrape = 30;

// The values a reading may have: the sample of the scrape before the command ran, or of one
// scrape later when the 30 s grid turned over while it ran.
QList<double> candidates(DcgmMetrics::Field field, quint64 seed, const Sim::GpuDevice &device, qint64 from,
                         double scale = 1)
{
    QList<double> values;
    for (qint64 t = from / kScrape * kScrape; t <= from / kScrape * kScrape + 2 * kScrape; t += kScrape) {
        if (const auto value = DcgmMetrics::value(field, seed, device, t))
            values.append(*value * scale);
    }
    return values;
}

bool matchesOne(double actual, const QList<double> &expected)
{
    return std::any_of(expected.cbegin(), expected.cend(),
                       [actual](double e) { return TestNumbers::nearlyEqual(actual, e); });
}

QString describe(const QList<double> &values)
{
    QStringList texts;
    for (double v : values)
        texts.append(QString::number(v, 'g', 17));
    return texts.join(u", "_qs);
}

} // namespace

class TestMetricsCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = SimTest::start(u"builtin:demo"_qs);
        m_fleet = Sim::GpuFleet::build(m_server->scenario());
        QString error;
        QVERIFY2(m_server->writeKubeconfig(kubeconfig(), Sim::SimServer::KubeconfigAuth::ClientCertificate, &error),
                 qPrintable(error));
        m_startedAt = QDateTime::currentSecsSinceEpoch();
        const Run run = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig() });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_snapshot = QJsonDocument::fromJson(run.out).object();
        QVERIFY(!m_snapshot.isEmpty());
    }

    void prometheusFoundThroughTheServiceProxy()
    {
        const QJsonObject prometheus = m_snapshot.value(u"prometheus").toObject();
        QCOMPARE(prometheus.value(u"status").toString(), u"ok"_qs);
        QCOMPARE(prometheus.value(u"url").toString(),
                 m_server->url().toString() + u"/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy"_qs);
        QVERIFY(prometheus.value(u"error").isNull());
    }

    void devices_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("instance"); // -1: the whole GPU
        for (const Sim::GpuDevice &device : m_fleet.devices())
            QTest::addRow("%s/%d/%d", qPrintable(device.node), device.index, device.gpuInstanceId)
                << device.node << device.index << device.gpuInstanceId;
    }

    // Every GPU and MIG instance of the simulated fleet, with its identity, holders and readings.
    void devices()
    {
        QFETCH(QString, node);
        QFETCH(int, index);
        QFETCH(int, instance);
        const auto fleetDevice
            = std::find_if(m_fleet.devices().cbegin(), m_fleet.devices().cend(), [&](const Sim::GpuDevice &d) {
                  return d.node == node && d.index == index && d.gpuInstanceId == instance;
              });
        QVERIFY(fleetDevice != m_fleet.devices().cend());
        const QJsonArray devices
            = byName(m_snapshot.value(u"nodes").toArray(), node).value(u"gpu").toObject().value(u"devices").toArray();
        QJsonObject device;
        for (const auto &value : devices) {
            const QJsonObject d = value.toObject();
            const int migInstance = d.value(u"migInstance").isNull() ? -1 : d.value(u"migInstance").toInt();
            if (d.value(u"index").toInt(-1) == index && migInstance == instance
                && (d.value(u"uuid").toString() == fleetDevice->uuid || !d.value(u"draDevice").isUndefined()))
                device = d;
        }
        QVERIFY2(!device.isEmpty(), QJsonDocument(devices).toJson().constData());
        if (device.value(u"uuid").toString().startsWith(u"GPU-"_qs))
            QCOMPARE(device.value(u"uuid").toString(), fleetDevice->uuid);
        QCOMPARE(device.value(u"pciBusId").toString(), fleetDevice->pciBusId.right(12).toLower());
        if (instance >= 0)
            QCOMPARE(device.value(u"migProfile").toString(), fleetDevice->migProfile);

        QStringList holders;
        for (const auto &pod : device.value(u"pods").toArray())
            holders.append(pod.toObject().value(u"namespace").toString() + u'/'
                           + pod.toObject().value(u"name").toString());
        QStringList expectedHolders;
        for (const Sim::GpuHolder &holder : fleetDevice->holders)
            expectedHolders.append(holder.ns + u'/' + holder.pod);
        holders.sort();
        expectedHolders.sort();
        QCOMPARE(holders, expectedHolders);

        const quint64 seed = m_fleet.seed();
        struct Check
        {
            const char *field;
            DcgmMetrics::Field source;
            double scale;
        };
        // MIG instances have no GPU_UTIL: their utilization is the graphics engine's activity.
        const DcgmMetrics::Field util = fleetDevice->isInstance() || fleetDevice->migEnabled
            ? DcgmMetrics::Field::GrEngineActive
            : DcgmMetrics::Field::GpuUtil;
        const Check checks[] = { { "utilPercent", util, util == DcgmMetrics::Field::GpuUtil ? 1.0 : 100.0 },
                                 { "memUsedMiB", DcgmMetrics::Field::FbUsed, 1 },
                                 { "memFreeMiB", DcgmMetrics::Field::FbFree, 1 },
                                 { "tempC", DcgmMetrics::Field::GpuTemp, 1 },
                                 { "powerW", DcgmMetrics::Field::PowerUsage, 1 } };
        for (const Check &check : checks) {
            const QJsonValue actual = device.value(QLatin1String(check.field));
            const QList<double> expected = candidates(check.source, seed, *fleetDevice, m_startedAt, check.scale);
            if (expected.isEmpty()) {
                QVERIFY2(actual.isNull(), check.field);
                continue;
            }
            QVERIFY2(actual.isDouble(), check.field);
            QVERIFY2(matchesOne(actual.toDouble(), expected),
                     qPrintable(u"%1: %2 not in {%3}"_qs.arg(QLatin1String(check.field))
                                    .arg(actual.toDouble(), 0, 'g', 17)
                                    .arg(describe(expected))));
        }
    }

    void podsLearnTheirGpus()
    {
        for (const Sim::GpuDevice &device : m_fleet.devices()) {
            for (const Sim::GpuHolder &holder : device.holders) {
                QJsonObject pod;
                for (const auto &value : m_snapshot.value(u"pods").toArray()) {
                    if (value.toObject().value(u"namespace").toString() == holder.ns
                        && value.toObject().value(u"name").toString() == holder.pod)
                        pod = value.toObject();
                }
                QVERIFY2(!pod.isEmpty(), qPrintable(holder.pod));
                QVERIFY2(pod.value(u"gpus").toArray().contains(device.uuid), qPrintable(holder.pod));
            }
        }
    }

    void prometheusModes_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("none") << u"none"_qs << u"disabled"_qs << QString();
        QTest::newRow("pinned service") << u"service:monitoring/prometheus-k8s:9090"_qs << u"ok"_qs << QString();
        QTest::newRow("pinned service, port without endpoints")
            << u"service:monitoring/prometheus-k8s:9091"_qs << u"unreachable"_qs << u"(HTTP 503"_qs;
        QTest::newRow("pinned unknown service") << u"service:monitoring/nothere:9090"_qs << u"unreachable"_qs
                                                << u"services \"nothere\" not found (HTTP 404"_qs;
        QTest::newRow("closed url") << u"http://127.0.0.1:9/"_qs << u"unreachable"_qs << u"http://127.0.0.1:9"_qs;
    }

    void prometheusModes()
    {
        QFETCH(QString, spec);
        QFETCH(QString, status);
        QFETCH(QString, error);
        const Run run = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--prometheus"_qs, spec });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out).object();
        const QJsonObject prometheus = snapshot.value(u"prometheus").toObject();
        QCOMPARE(prometheus.value(u"status").toString(), status);
        if (error.isEmpty())
            QVERIFY(prometheus.value(u"error").isNull());
        else
            QVERIFY2(prometheus.value(u"error").toString().contains(error),
                     qPrintable(prometheus.value(u"error").toString()));
        // Without readings the device list is the DRA node's alone; never made-up numbers.
        if (status != u"ok") {
            for (const auto &node : snapshot.value(u"nodes").toArray()) {
                for (const auto &device : node.toObject().value(u"gpu").toObject().value(u"devices").toArray())
                    QVERIFY(device.toObject().value(u"utilPercent").isNull());
            }
        }
    }

    void badPrometheusOption()
    {
        const Run run
            = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--prometheus"_qs, u"somewhere"_qs });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("specula snapshot: --prometheus: 'somewhere' is not auto, none"),
                 run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    // The pod's series as CSV: one row per step, one column per series, numbers from the generator.
    void exportPod()
    {
        const Sim::GpuDevice *held = nullptr;
        for (const Sim::GpuDevice &device : m_fleet.devices()) {
            if (device.isInstance() && device.holders.size() == 1)
                held = &device;
        }
        QVERIFY(held);
        const QString path = m_dir.filePath(u"pod.csv"_qs);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const Run run = runSpecula({ u"export"_qs, u"pod"_qs,
                                     held->holders.first().ns + u'/' + held->holders.first().pod, u"--kubeconfig"_qs,
                                     kubeconfig(), u"--range"_qs, u"20m"_qs, u"--step"_qs, u"60s"_qs, u"-o"_qs, path });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.size() >= 21);
        QVERIFY(lines.first().endsWith('\r')); // RFC 4180
        const QStringList header = QString::fromUtf8(lines.first().trimmed()).split(u',');
        QCOMPARE(header.first(), u"timestamp"_qs);
        const QString utilColumn = u"gpu_util (%) %1 MIG %2 %3"_qs.arg(held->uuid)
                                       .arg(held->gpuInstanceId)
                                       .arg(held->holders.first().container);
        const int util = int(header.indexOf(utilColumn));
        QVERIFY2(util > 0, qPrintable(header.join(u" | "_qs)));
        QVERIFY(header.contains(u"pod_cpu (cores)"_qs));
        QVERIFY(header.contains(u"pod_memory (bytes)"_qs));
        QVERIFY(header.contains(u"pod_net_rx (B/s) eth0"_qs));
        QVERIFY(header.contains(u"pod_power (W)"_qs));

        int rows = 0;
        for (const QByteArray &line : lines.mid(1)) {
            if (line.trimmed().isEmpty())
                continue;
            const QStringList cells = QString::fromUtf8(line.trimmed()).split(u',');
            QCOMPARE(cells.size(), header.size());
            const QDateTime time = QDateTime::fromString(cells.first(), Qt::ISODate);
            QVERIFY2(time.isValid() && time.timeSpec() == Qt::UTC, qPrintable(cells.first()));
            const qint64 t = time.toSecsSinceEpoch();
            QCOMPARE(t % 60, 0);
            QVERIFY(t <= before + 60 && t >= before - 20 * 60 - 60);
            // The newest sample at or before t: the 30 s scrape grid.
            const auto expected
                = DcgmMetrics::value(DcgmMetrics::Field::GrEngineActive, m_fleet.seed(), *held, t / kScrape * kScrape);
            QVERIFY(expected);
            QVERIFY2(std::fabs(cells.at(util).toDouble() - *expected * 100) < 1e-9,
                     qPrintable(u"%1: %2 vs %3"_qs.arg(cells.first(), cells.at(util)).arg(*expected * 100)));
            ++rows;
        }
        QVERIFY2(rows >= 20 && rows <= 21, qPrintable(QString::number(rows)));
    }

    // The pod's charts as one PNG, drawn without a display: two charts per row of 640 × 320,
    // under a heading, each with its lines in the palette's colours.
    void exportPodPng()
    {
        const Sim::GpuDevice *held = nullptr;
        for (const Sim::GpuDevice &device : m_fleet.devices()) {
            if (device.isInstance() && device.holders.size() == 1)
                held = &device;
        }
        QVERIFY(held);
        const QString path = m_dir.filePath(u"pod.png"_qs);
        qunsetenv("QT_QPA_PLATFORM"); // the command picks the offscreen platform by itself
        const Run run
            = runSpecula({ u"export"_qs, u"pod"_qs, held->holders.first().ns + u'/' + held->holders.first().pod,
                           u"--kubeconfig"_qs, kubeconfig(), u"--range"_qs, u"20m"_qs, u"-o"_qs, path });
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
        file.close();
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        // CPU, memory, GPU utilization, GPU memory, power, energy, network: 7 charts in 4 rows.
        QCOMPARE(image.width(), 2 * 640 + 6 + 2 * 12);
        QVERIFY2(image.height() > 4 * 320 + 3 * 6 + 24 && image.height() < 4 * 320 + 3 * 6 + 24 + 60,
                 qPrintable(QString::number(image.height())));
        // Not blank: the first palette colour (one line per chart) covers a good many pixels, and
        // the picture has more than a background.
        int blue = 0;
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                colours.insert(c.rgb());
                if (std::abs(c.red() - 0x4e) < 24 && std::abs(c.green() - 0x79) < 24 && std::abs(c.blue() - 0xa7) < 24)
                    ++blue;
            }
        }
        QVERIFY2(blue > 2000, qPrintable(QString::number(blue)));
        QVERIFY(colours.size() > 50);
    }

    void exportFailures_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no series") << QStringList { u"pod"_qs, u"default/nothere"_qs } << 1
                                   << u"specula export: Prometheus has no series for pod default/nothere"_qs;
        QTest::newRow("not ns/name") << QStringList { u"pod"_qs, u"nothere"_qs } << 2
                                     << u"specula export: pod 'nothere' is not NAMESPACE/NAME"_qs;
        QTest::newRow("unknown kind") << QStringList { u"rack"_qs, u"a/b"_qs } << 2
                                      << u"specula export: cannot export 'rack'"_qs;
        QTest::newRow("bad range") << QStringList { u"pod"_qs, u"a/b"_qs, u"--range"_qs, u"6 hours"_qs } << 2
                                   << u"specula export: --range '6 hours' is not a duration"_qs;
        QTest::newRow("too fine") << QStringList { u"pod"_qs, u"a/b"_qs,    u"--range"_qs,
                                                   u"7d"_qs,  u"--step"_qs, u"15s"_qs }
                                  << 2
                                  << u"specula export: --step '15s' is not a duration that gives at most 11,000"_qs;
        QTest::newRow("neither csv nor png") << QStringList { u"pod"_qs, u"a/b"_qs, u"-o"_qs, u"x.svg"_qs } << 2
                                             << u"specula export: x.svg: a pod's series exports as .png or .csv"_qs;
        QTest::newRow("no prometheus") << QStringList { u"pod"_qs, u"a/b"_qs, u"--prometheus"_qs, u"none"_qs } << 2
                                       << u"specula export: a pod's series come from Prometheus"_qs;
        QTest::newRow("unreachable") << QStringList { u"pod"_qs, u"a/b"_qs, u"--prometheus"_qs,
                                                      u"service:monitoring/nothere:9090"_qs }
                                     << 1 << u"specula export: Prometheus: "_qs;
    }

    void exportFailures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList all { u"export"_qs };
        all += arguments;
        all += { u"--kubeconfig"_qs, kubeconfig() };
        if (!arguments.contains(u"-o"_qs))
            all += { u"-o"_qs, m_dir.filePath(u"failed.csv"_qs) };
        const Run run = runSpecula(all);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(message), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(u"failed.csv"_qs)));
    }

private:
    QString kubeconfig() const { return m_dir.filePath(u"kubeconfig.yaml"_qs); }

    QTemporaryDir m_dir;
    Sim::GpuFleet m_fleet;
    std::unique_ptr<Sim::SimServer> m_server;
    QJsonObject m_snapshot;
    qint64 m_startedAt = 0;
};

QTEST_GUILESS_MAIN(TestMetricsCommands)
#include "tst_metricscommands.moc"
