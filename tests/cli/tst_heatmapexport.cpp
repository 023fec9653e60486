// SPDX-License-Identifier: GPL-3.0-or-later
// `specula export heatmap` against the simulated cluster: the CSV holds exactly what the
// simulator's generators say for every GPU and MIG slice at every step, the PNG is the drawn
// heatmap, and mistakes fail as every export does.
#include "../nearlyequal.h"
#include "../sim/simtesthelpers.h"
#include "model/heatmapdata.h"
#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"
#include "sim/scenario.h"
#include "sim/simserver.h"
#include "speculaprocess.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace Specula;
using CliTest::Run;
using CliTest::runSpecula;
using Sim::DcgmMetrics;

namespace {

constexpr qint64 kScrape = 30;
constexpr int kFixedColumns = 8; // node, uuid, gpu, mig_profile, mig_instance, model, pods, mean

struct Csv
{
    QStringList header;
    QList<QStringList> rows;
};

Csv readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Csv csv;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (!line.endsWith('\r'))
            return {}; // RFC 4180 line ends
        // The simulator's names and models hold no comma or quote, so a split is exact.
        const QStringList cells = QString::fromUtf8(line.chopped(1)).split(u',');
        if (csv.header.isEmpty())
            csv.header = cells;
        else
            csv.rows.append(cells);
    }
    return csv;
}

const Sim::GpuDevice *fleetDevice(const Sim::GpuFleet &fleet, const QStringList &row)
{
    const int instance = row.at(4).isEmpty() ? -1 : row.at(4).toInt();
    for (const Sim::GpuDevice &device : fleet.devices()) {
        if (device.node == row.at(0) && device.gpuInstanceId == instance
            && (device.uuid == row.at(1) || (instance >= 0 && row.at(1).startsWith(u"MIG-"_qs))))
            return &device;
    }
    return nullptr;
}

} // namespace

class TestHeatmapExport : public QObject
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
    }

    void csv_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::newRow("util") << u"util"_qs;
        QTest::newRow("memory") << u"memory"_qs;
        QTest::newRow("temperature") << u"temperature"_qs;
    }

    // Every cell is the generator's value at that step (the newest 30 s scrape at or before it).
    void csv()
    {
        QFETCH(QString, metric);
        const QString path = m_dir.filePath(metric + u".csv"_qs);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const Run run = runSpecula({ u"export"_qs, u"heatmap"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--range"_qs,
                                     u"20m"_qs, u"--step"_qs, u"60s"_qs, u"--metric"_qs, metric, u"-o"_qs, path });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Csv csv = readCsv(path);
        QCOMPARE(csv.header.mid(0, kFixedColumns),
                 (QStringList { u"node"_qs, u"uuid"_qs, u"gpu"_qs, u"mig_profile"_qs, u"mig_instance"_qs, u"model"_qs,
                                u"pods"_qs, u"mean"_qs }));
        QList<qint64> times;
        for (const QString &cell : csv.header.mid(kFixedColumns)) {
            const QDateTime time = QDateTime::fromString(cell, Qt::ISODate);
            QVERIFY2(time.isValid() && time.timeSpec() == Qt::UTC, qPrintable(cell));
            times.append(time.toSecsSinceEpoch());
        }
        QVERIFY2(times.size() >= 20 && times.size() <= 21, qPrintable(QString::number(times.size())));
        QVERIFY(times.last() <= before + 60 && times.first() >= before - 20 * 60 - 60);

        const quint64 seed = m_fleet.seed();
        int checkedCells = 0;
        QSet<const Sim::GpuDevice *> seen;
        for (const QStringList &row : csv.rows) {
            QCOMPARE(row.size(), csv.header.size());
            const Sim::GpuDevice *device = fleetDevice(m_fleet, row);
            QVERIFY2(device, qPrintable(row.mid(0, kFixedColumns).join(u" | "_qs)));
            seen.insert(device);
            QStringList holders;
            for (const Sim::GpuHolder &holder : device->holders)
                holders.append(holder.ns + u'/' + holder.pod);
            holders.sort();
            holders.removeDuplicates();
            QCOMPARE(row.at(6), holders.join(u' '));
            for (int column = 0; column < times.size(); ++column) {
                const qint64 at = times[column] / kScrape * kScrape;
                std::optional<double> expected;
                if (metric == u"util") {
                    const bool engine = device->isInstance() || device->migEnabled;
                    expected = DcgmMetrics::value(
                        engine ? DcgmMetrics::Field::GrEngineActive : DcgmMetrics::Field::GpuUtil, seed, *device, at);
                    if (expected && engine)
                        *expected *= 100;
                } else if (metric == u"memory") {
                    const auto used = DcgmMetrics::value(DcgmMetrics::Field::FbUsed, seed, *device, at);
                    const auto free = DcgmMetrics::value(DcgmMetrics::Field::FbFree, seed, *device, at);
                    if (used && free)
                        expected = 100 * *used / (*used + *free);
                } else {
                    expected = DcgmMetrics::value(DcgmMetrics::Field::GpuTemp, seed, *device, at);
                }
                const QString cell = row.at(kFixedColumns + column);
                if (!expected) {
                    QVERIFY2(cell.isEmpty(), qPrintable(row.at(1) + u": "_qs + cell));
                    continue;
                }
                QVERIFY2(TestNumbers::nearlyEqualSingle(cell.toDouble(), *expected),
                         qPrintable(u"%1 %2 at %3: %4 vs %5"_qs.arg(row.at(1), row.at(4))
                                        .arg(times[column])
                                        .arg(cell)
                                        .arg(*expected, 0, 'g', 17)));
                ++checkedCells;
            }
        }
        QVERIFY(checkedCells > 100);
        // Every device that has this metric has its row.
        for (const Sim::GpuDevice &device : m_fleet.devices()) {
            const bool has = metric == u"util"
                ? DcgmMetrics::has(device.isInstance() || device.migEnabled ? DcgmMetrics::Field::GrEngineActive
                                                                            : DcgmMetrics::Field::GpuUtil,
                                   device)
                : DcgmMetrics::has(metric == u"memory" ? DcgmMetrics::Field::FbUsed : DcgmMetrics::Field::GpuTemp,
                                   device);
            if (has && !(metric == u"util" && device.migEnabled))
                QVERIFY2(seen.contains(&device), qPrintable(device.node + u' ' + device.uuid));
        }
    }

    // --sort idle: the GPUs held but idle come first, and the simulator's idle GPUs are among them.
    void idleFirst()
    {
        const QString path = m_dir.filePath(u"idle.csv"_qs);
        const Run run = runSpecula({ u"export"_qs, u"heatmap"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--range"_qs,
                                     u"20m"_qs, u"--sort"_qs, u"idle"_qs, u"-o"_qs, path });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Csv csv = readCsv(path);
        QVERIFY(!csv.rows.isEmpty());
        const qsizetype pods = csv.header.indexOf(u"pods"_qs);
        const qsizetype mean = csv.header.indexOf(u"mean"_qs);
        QVERIFY(pods >= 0 && mean >= 0);
        auto idle = [&](const QStringList &row) {
            return !row.at(pods).isEmpty() && row.at(mean).toDouble() < Model::HeatmapData::kIdleThresholdPercent;
        };
        int leading = 0;
        while (leading < csv.rows.size() && idle(csv.rows.at(leading)))
            ++leading;
        for (int row = leading; row < csv.rows.size(); ++row)
            QVERIFY2(!idle(csv.rows.at(row)), qPrintable(csv.rows.at(row).mid(0, kFixedColumns).join(u" | "_qs)));
        int simulatorIdle = 0;
        for (int row = 0; row < csv.rows.size(); ++row) {
            const Sim::GpuDevice *device = fleetDevice(m_fleet, csv.rows.at(row));
            QVERIFY(device);
            if (!device->holders.isEmpty() && DcgmMetrics::idleWhileAllocated(m_fleet.seed(), *device)) {
                QVERIFY2(row < leading, qPrintable(device->uuid));
                ++simulatorIdle;
            }
        }
        QVERIFY(simulatorIdle > 0);
    }

    // The picture: the page drawn offscreen, 1600 px wide, with every row and many colours.
    void png()
    {
        const QString path = m_dir.filePath(u"heatmap.png"_qs);
        const Run run = runSpecula({ u"export"_qs, u"heatmap"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--range"_qs,
                                     u"1h"_qs, u"--metric"_qs, u"power"_qs, u"-o"_qs, path });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.width(), 1600);
        QVERIFY2(image.height() > 200 && image.height() < 3200, qPrintable(QString::number(image.height())));
        QHash<QRgb, int> colours;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2)
                ++colours[image.pixel(x, y)];
        }
        const int background = *std::max_element(colours.cbegin(), colours.cend());
        const int all = (image.height() + 1) / 2 * (image.width() / 2);
        QVERIFY2(all - background > all / 4, qPrintable(u"%1 of %2"_qs.arg(all - background).arg(all)));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad metric") << QStringList { u"--metric"_qs, u"gpu"_qs } << 2
                                    << u"specula export: --metric 'gpu' is not util, memory"_qs;
        QTest::newRow("bad sort") << QStringList { u"--sort"_qs, u"random"_qs } << 2
                                  << u"specula export: --sort 'random' is not node, mean or idle"_qs;
        QTest::newRow("bad range") << QStringList { u"--range"_qs, u"an hour"_qs } << 2
                                   << u"specula export: --range 'an hour' is not a duration"_qs;
        QTest::newRow("txt") << QStringList { u"-o"_qs, u"x.txt"_qs } << 2
                             << u"specula export: x.txt: the heatmap exports as .png or .csv"_qs;
        QTest::newRow("extra") << QStringList { u"pods"_qs } << 2 << u"specula export: unexpected argument 'pods'"_qs;
        QTest::newRow("no prometheus") << QStringList { u"--prometheus"_qs, u"none"_qs } << 2
                                       << u"specula export: the heatmap's values come from Prometheus"_qs;
        QTest::newRow("unreachable") << QStringList { u"--prometheus"_qs, u"service:monitoring/nothere:9090"_qs } << 1
                                     << u"specula export: Prometheus: "_qs;
    }

    void failures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList all { u"export"_qs, u"heatmap"_qs };
        all += arguments;
        all += { u"--kubeconfig"_qs, kubeconfig() };
        if (!arguments.contains(u"-o"_qs))
            all += { u"-o"_qs, m_dir.filePath(u"failed.png"_qs) };
        const Run run = runSpecula(all);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(message), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(u"failed.png"_qs)));
    }

private:
    QString kubeconfig() const { return m_dir.filePath(u"kubeconfig.yaml"_qs); }

    QTemporaryDir m_dir;
    Sim::GpuFleet m_fleet;
    std::unique_ptr<Sim::SimServer> m_server;
};

QTEST_GUILESS_MAIN(TestHeatmapExport)
#include "tst_heatmapexport.moc"
