// SPDX-License-Identifier: GPL-3.0-or-later
#include "../sim/simtesthelpers.h"
#include "model/vfallocationpainter.h"
#include "sim/simserver.h"
#include "speculaprocess.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using CliTest::Run;
using CliTest::runSpecula;
using Segment = Model::VfAllocationPainter::Segment;

namespace {

// One device of the map, by "node|id": its kind, its holders and whether it has a reading.
struct Device
{
    QString kind;
    QString pods;
    bool hasValue = false;
    friend bool operator==(const Device &, const Device &) = default;
};

QString podList(const QJsonArray &pods)
{
    QStringList keys;
    for (const auto &pod : pods) {
        const QString key = pod[u"namespace"].toString() + u'/' + pod[u"name"].toString();
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys.join(u' ');
}

// The GPUs, MIG slices and VFs that `specula snapshot` lists. Every node of the demo names its
// devices or offers no GPU resource, so there are no resource bars to add up.
QMap<QString, Device> fromSnapshot(const QJsonObject &snapshot)
{
    QMap<QString, Device> devices;
    for (const auto &nodeValue : snapshot[u"nodes"].toArray()) {
        const QJsonObject node = nodeValue.toObject();
        const QString name = node[u"name"].toString();
        for (const auto &value : node[u"gpu"][u"devices"].toArray()) {
            const QJsonObject device = value.toObject();
            devices.insert(name + u'|' + device[u"uuid"].toString(),
                           { device[u"migProfile"].isNull() ? u"gpu"_qs : u"mig"_qs, podList(device[u"pods"].toArray()),
                             !device[u"utilPercent"].isNull() });
        }
        for (const auto &pfValue : node[u"sriov"][u"pfs"].toArray()) {
            const QJsonObject pf = pfValue.toObject();
            if (pf[u"numVfs"].toInt() == 0 && pf[u"totalVfs"].toInt() == 0)
                continue;
            for (const auto &vfValue : pf[u"vfs"].toArray()) {
                const QJsonObject vf = vfValue.toObject();
                const QString pod = vf[u"pod"].isObject()
                    ? vf[u"pod"][u"namespace"].toString() + u'/' + vf[u"pod"][u"name"].toString()
                    : QString();
                devices.insert(name + u'|' + vf[u"pciAddress"].toString(), { u"vf"_qs, pod, false });
            }
        }
    }
    return devices;
}

// Node,Kind,ID,Label,Parent,Pods,Held,<value>: no field of the demo needs quoting.
QMap<QString, Device> fromCsv(const QByteArray &csv, QString *header)
{
    QStringList lines = QString::fromUtf8(csv).split(u"\r\n"_qs);
    if (lines.isEmpty() || !lines.last().isEmpty())
        return {};
    lines.removeLast();
    *header = lines.takeFirst();
    QMap<QString, Device> devices;
    for (const QString &line : std::as_const(lines)) {
        const QStringList f = line.split(u',');
        if (f.size() != 8 || f[6] != (f[5].isEmpty() ? u"no"_qs : u"yes"_qs))
            return {};
        devices.insert(f[0] + u'|' + f[2], { f[1], f[5], !f[7].isEmpty() });
    }
    return devices;
}

} // namespace

class TestTopologyExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = SimTest::start(u"builtin:demo"_qs);
        QString error;
        QVERIFY2(m_server->writeKubeconfig(kubeconfig(), Sim::SimServer::KubeconfigAuth::ClientCertificate, &error),
                 qPrintable(error));
        const Run run = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig() });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_snapshot = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(m_snapshot[u"prometheus"][u"status"].toString(), u"ok"_qs);
    }

    void csvListsWhatTheSnapshotHolds()
    {
        const QString output = m_dir.filePath(u"topology.csv"_qs);
        const Run run = runSpecula({ u"export"_qs, u"topology"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--color"_qs,
                                     u"util"_qs, u"-o"_qs, output });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString header;
        const QMap<QString, Device> actual = fromCsv(file.readAll(), &header);
        QCOMPARE(header, u"Node,Kind,ID,Label,Parent,Pods,Held,Utilization"_qs);
        const QMap<QString, Device> expected = fromSnapshot(m_snapshot);
        // The demo has whole GPUs, MIG slices and VFs, held and free, and GPUs with readings.
        QStringList kinds;
        int held = 0;
        int withValue = 0;
        for (const Device &device : expected) {
            kinds.append(device.kind);
            held += device.pods.isEmpty() ? 0 : 1;
            withValue += device.hasValue ? 1 : 0;
        }
        QVERIFY(kinds.contains(u"gpu"_qs) && kinds.contains(u"mig"_qs) && kinds.contains(u"vf"_qs));
        QVERIFY(held > 0 && held < expected.size());
        QVERIFY(withValue > 0);
        QCOMPARE(actual, expected);
    }

    void optionsNarrowTheMap()
    {
        const QString output = m_dir.filePath(u"narrow.csv"_qs);
        auto nodesOf = [&](const QStringList &options) {
            const Run run = runSpecula(
                QStringList { u"export"_qs, u"topology"_qs, u"--kubeconfig"_qs, kubeconfig(), u"-o"_qs, output }
                + options);
            QFile file(output);
            QSet<QString> nodes;
            if (run.exitCode != 0 || !file.open(QIODevice::ReadOnly))
                return QSet<QString> { QString::fromUtf8(run.err) };
            for (const QString &line : QString::fromUtf8(file.readAll()).split(u"\r\n"_qs).mid(1)) {
                if (!line.isEmpty())
                    nodes.insert(line.section(u',', 0, 0));
            }
            return nodes;
        };
        QCOMPARE(nodesOf({ u"--search"_qs, u"sriov-worker"_qs }), QSet<QString> { u"sriov-worker-0"_qs });
        QCOMPARE(nodesOf({ u"-l"_qs, u"kubernetes.io/hostname=gpu-h100-0"_qs }), QSet<QString> { u"gpu-h100-0"_qs });
        // Every node with a GPU, slice or VF held by a pod of ml-team, and nothing else.
        QSet<QString> mlTeam;
        for (const auto &node : m_snapshot[u"nodes"].toArray()) {
            QJsonArray holders;
            for (const auto &device : node[u"gpu"][u"devices"].toArray()) {
                for (const auto &pod : device[u"pods"].toArray())
                    holders.append(pod);
            }
            for (const auto &pf : node[u"sriov"][u"pfs"].toArray()) {
                for (const auto &vf : pf[u"vfs"].toArray())
                    holders.append(vf[u"pod"]);
            }
            for (const auto &pod : std::as_const(holders)) {
                if (pod[u"namespace"].toString() == u"ml-team"_qs)
                    mlTeam.insert(node[u"name"].toString());
            }
        }
        QVERIFY(mlTeam.size() >= 2);
        QCOMPARE(nodesOf({ u"--namespace"_qs, u"ml-team"_qs }), mlTeam);
    }

    void pngIsTheMap()
    {
        const QString output = m_dir.filePath(u"topology.png"_qs);
        const Run run = runSpecula({ u"export"_qs, u"topology"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--prometheus"_qs,
                                     u"none"_qs, u"-o"_qs, output });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QImage image(output);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1200 && image.width() <= 2400);
        QMap<QRgb, int> pixels;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                ++pixels[image.pixel(x, y)];
        }
        const QPalette palette = QGuiApplication::palette();
        for (auto segment : { Segment::Allocated, Segment::Free })
            QVERIFY(pixels.value(Model::VfAllocationPainter::colour(segment, palette).rgb()) > 1000);
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");
        QTest::addRow("no output") << QStringList() << 2 << u"-o FILE.png or -o FILE.csv is required"_qs;
        QTest::addRow("bad colour") << QStringList { u"--color"_qs, u"tensor"_qs, u"-o"_qs, u"x.csv"_qs } << 2
                                    << u"--color 'tensor' is not allocation, util, memory, temperature or power"_qs;
        QTest::addRow("bad selector") << QStringList { u"-l"_qs, u"a b"_qs, u"-o"_qs, u"x.csv"_qs } << 2
                                      << u"--selector 'a b': unable to parse requirement"_qs;
        QTest::addRow("bad extension") << QStringList { u"-o"_qs, u"x.svg"_qs } << 2
                                       << u"x.svg: the topology map exports as .png or .csv"_qs;
        QTest::addRow("unwritable") << QStringList { u"-o"_qs, u"/nonexistent/dir/x.csv"_qs } << 1
                                    << u"/nonexistent/dir/x.csv"_qs;
        QTest::addRow("no match") << QStringList { u"--search"_qs, u"no-such-thing"_qs, u"-o"_qs, u"nothing.csv"_qs }
                                  << 0 << u"no node matches"_qs;
    }
    void mistakes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        QDir::setCurrent(m_dir.path());
        const Run run = runSpecula(QStringList { u"export"_qs, u"topology"_qs, u"--kubeconfig"_qs, kubeconfig(),
                                                 u"--prometheus"_qs, u"none"_qs }
                                   + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(stderrContains), run.err.constData());
    }

private:
    QString kubeconfig() const { return m_dir.filePath(u"sim.yaml"_qs); }

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    QJsonObject m_snapshot;
};

QTEST_MAIN(TestTopologyExport)
#include "tst_topologyexport.moc"
