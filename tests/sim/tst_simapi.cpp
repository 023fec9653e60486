// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's API behaviour over real HTTPS on 127.0.0.1: watches, gzip, faults, authentication, selectors.
#include "kube/labelselector.h"
#include "sim/objectrenderer.h"
#include "sim/objectstore.h"
#include "sim/podjsonwriter.h"
#include "sim/simserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Specula;

namespace {

QByteArray certFile(const QString &name)
{
    QFile file(qEnvironmentVariable("SPECULA_SOURCE_DIR") + u"/resources/sim/certs/"_qs + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSimApi : public QObject
{
    Q_OBJECT

private:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray contentEncoding;
        QByteArray retryAfter;
    };
    enum class Auth { Token, Client, Rogue, None };

    std::unique_ptr<Sim::SimServer> m_server;
    QNetworkAccessManager m_nam;

    QNetworkRequest request(const QString &path, Auth auth = Auth::Token)
    {
        QNetworkRequest r(m_server->url().resolved(QUrl(path)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(Sim::SimServer::caCertificatePem()));
        if (auth == Auth::Token)
            r.setRawHeader("Authorization", "Bearer " + m_server->bearerToken());
        if (auth == Auth::Client || auth == Auth::Rogue) {
            const QString prefix = auth == Auth::Client ? u"client"_qs : u"rogue-client"_qs;
            tls.setLocalCertificate(QSslCertificate(certFile(prefix + u".crt"_qs)));
            tls.setPrivateKey(QSslKey(certFile(prefix + u".key"_qs), QSsl::Rsa));
        }
        r.setSslConfiguration(tls);
        return r;
    }

    Response finish(QNetworkReply *reply)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(30000);
        Response r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                     reply->error(), reply->rawHeader("Content-Encoding"), reply->rawHeader("Retry-After") };
        delete reply;
        return r;
    }

    Response get(const QString &path, Auth auth = Auth::Token, const QByteArray &acceptEncoding = {})
    {
        QNetworkRequest r = request(path, auth);
        if (!acceptEncoding.isEmpty())
            r.setRawHeader("Accept-Encoding", acceptEncoding);
        // A fresh manager per request: QNAM silently resends a request whose reused connection was dropped,
        // which would hide the dropped-connection fault.
        QNetworkAccessManager nam;
        return finish(nam.get(r));
    }

    Response post(const QString &path, const QJsonObject &body)
    {
        QNetworkRequest r = request(path);
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_qs);
        QNetworkAccessManager nam;
        return finish(nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    void startDemo(int bookmarkSeconds = 10, int watchHistory = 20000, const QByteArray &yaml = {})
    {
        auto scenario = yaml.isEmpty() ? Sim::loadScenario(u"builtin:demo"_qs) : Sim::parseScenario(yaml, u"test"_qs);
        QVERIFY(scenario.ok());
        scenario->bookmarkSeconds = bookmarkSeconds;
        scenario->watchHistory = watchHistory;
        Sim::ServerOptions options;
        options.tickMs = -1;
        m_server = std::make_unique<Sim::SimServer>(scenario.value(), options);
        QVERIFY(m_server->start().ok());
    }

    // Parsed watch events so far; a partial last line stays in buffer.
    static QList<QJsonObject> events(QByteArray &buffer, QList<QJsonObject> &seen)
    {
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            seen.append(QJsonDocument::fromJson(buffer.left(newline)).object());
            buffer.remove(0, newline + 1);
        }
        return seen;
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void watchReportsChanges()
    {
        startDemo();
        const quint64 from = m_server->resourceVersion();
        QNetworkReply *reply = m_nam.get(request(u"/api/v1/pods?watch=1&resourceVersion=%1"_qs.arg(from)));
        QByteArray buffer;
        QList<QJsonObject> seen;
        connect(reply, &QNetworkReply::readyRead, this, [&] { buffer += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, 10000);
        // Enough ticks for pods to be created, bound, run, finish and be deleted (maxFinished 12).
        m_server->advance(30);
        QSet<QString> types;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &e : events(buffer, seen))
                    types.insert(e.value(u"type").toString());
                return types.contains(u"ADDED"_qs) && types.contains(u"MODIFIED"_qs) && types.contains(u"DELETED"_qs);
            }(),
            10000);
        for (const QJsonObject &e : std::as_const(seen)) {
            const QJsonObject metadata = e.value(u"object").toObject().value(u"metadata").toObject();
            QCOMPARE(e.value(u"object").toObject().value(u"kind").toString(), u"Pod"_qs);
            QVERIFY(metadata.value(u"resourceVersion").toString().toULongLong() > from);
        }
        QVERIFY(!types.contains(u"ERROR"_qs));
        reply->abort();
        reply->deleteLater();
    }

    void watchSendsBookmarks()
    {
        startDemo(1);
        QNetworkReply *reply = m_nam.get(request(
            u"/api/v1/nodes?watch=1&allowWatchBookmarks=true&resourceVersion=%1"_qs.arg(m_server->resourceVersion())));
        QByteArray buffer;
        QList<QJsonObject> seen;
        connect(reply, &QNetworkReply::readyRead, this, [&] { buffer += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(!events(buffer, seen).isEmpty(), 10000);
        const QJsonObject bookmark = seen.first();
        QCOMPARE(bookmark.value(u"type").toString(), u"BOOKMARK"_qs);
        const QJsonObject object = bookmark.value(u"object").toObject();
        QCOMPARE(object.value(u"kind").toString(), u"Node"_qs);
        QCOMPARE(object.value(u"metadata").toObject().value(u"resourceVersion").toString(),
                 QString::number(m_server->resourceVersion()));
        reply->abort();
        reply->deleteLater();
    }

    void watchFromTooOldVersionIsExpired()
    {
        startDemo(10, 16);
        const quint64 old = m_server->resourceVersion();
        m_server->advance(20); // more events than the 16 kept
        const Response r = get(u"/api/v1/pods?watch=1&resourceVersion=%1"_qs.arg(old));
        QCOMPARE(r.status, 200);
        const QJsonObject event = QJsonDocument::fromJson(r.body.trimmed()).object();
        QCOMPARE(event.value(u"type").toString(), u"ERROR"_qs);
        const QJsonObject status = event.value(u"object").toObject();
        QCOMPARE(status.value(u"code").toInt(), 410);
        QCOMPARE(status.value(u"reason").toString(), u"Expired"_qs);
        QVERIFY(status.value(u"message").toString().startsWith(u"too old resource version: %1"_qs.arg(old)));
    }

    void largeListsAreGzipped()
    {
        // A generated cluster whose pod list is well above the 128 KiB threshold.
        startDemo(10, 20000, "name: gz\ngenerator: {gpuNodes: 20, pods: 400, pendingPods: 2}\n");
        // QNAM asks for gzip itself and decodes the body.
        const Response decoded = get(u"/api/v1/pods"_qs);
        QCOMPARE(decoded.status, 200);
        QVERIFY(decoded.body.size() > 128 * 1024);
        QVERIFY(QJsonDocument::fromJson(decoded.body).object().value(u"items").toArray().size() > 20);
        // Asked explicitly, the raw body is gzip (magic 1f 8b) and marked so.
        const Response raw = get(u"/api/v1/pods"_qs, Auth::Token, "gzip");
        QCOMPARE(raw.contentEncoding, QByteArray("gzip"));
        QVERIFY(raw.body.startsWith("\x1f\x8b"));
        QVERIFY(raw.body.size() < decoded.body.size() / 3);
        // Small bodies are not compressed.
        const Response small = get(u"/api/v1/nodes/gpu-node-00000"_qs, Auth::Token, "gzip");
        QCOMPARE(small.status, 200);
        QVERIFY(small.contentEncoding.isEmpty());
    }

    void faults_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("check"); // "", "retry", "json-invalid"
        QTest::addRow("500") << QJsonObject { { u"status"_qs, 500 }, { u"count"_qs, 1 } } << 500
                             << int(QNetworkReply::InternalServerError) << QString();
        QTest::addRow("503") << QJsonObject { { u"status"_qs, 503 }, { u"count"_qs, 1 } } << 503
                             << int(QNetworkReply::ServiceUnavailableError) << QString();
        QTest::addRow("429") << QJsonObject { { u"status"_qs, 429 }, { u"count"_qs, 1 }, { u"retryAfter"_qs, 7 } }
                             << 429 << int(QNetworkReply::UnknownContentError) << u"retry"_qs;
        // The headers and half the body arrive, then the connection is aborted.
        QTest::addRow("drop") << QJsonObject { { u"dropConnections"_qs, 1 } } << 200
                              << int(QNetworkReply::RemoteHostClosedError) << QString();
        QTest::addRow("malformed") << QJsonObject { { u"malformedJson"_qs, 1 } } << 200 << int(QNetworkReply::NoError)
                                   << u"json-invalid"_qs;
    }
    void faults()
    {
        QFETCH(QJsonObject, fault);
        QFETCH(int, status);
        QFETCH(int, error);
        QFETCH(QString, check);
        for (const bool overHttp : { false, true }) {
            startDemo();
            if (overHttp) {
                const Response set = post(u"/sim/faults"_qs, fault);
                QCOMPARE(set.status, 200);
            } else {
                QString message;
                QVERIFY2(m_server->faults().apply(fault, &message), qPrintable(message));
            }
            const Response r = get(u"/api/v1/nodes"_qs);
            QCOMPARE(r.status, status);
            QCOMPARE(int(r.error), error);
            if (status >= 400)
                QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"code").toInt(), status);
            if (check == u"retry")
                QCOMPARE(r.retryAfter, QByteArray("7"));
            if (check == u"json-invalid") {
                QJsonParseError parseError;
                QJsonDocument::fromJson(r.body, &parseError);
                QVERIFY(parseError.error != QJsonParseError::NoError);
            }
            // The fault was for these requests only.
            QCOMPARE(get(u"/api/v1/nodes"_qs).status, 200);
            QCOMPARE(get(u"/sim/faults"_qs).status, 200);
        }
    }

    void truncatedBody()
    {
        startDemo();
        m_server->faults().truncateBodies(1);
        const Response r = get(u"/api/v1/pods"_qs);
        QVERIFY(r.error != QNetworkReply::NoError || QJsonDocument::fromJson(r.body).isNull());
        QCOMPARE(get(u"/api/v1/pods"_qs).status, 200);
    }

    // A busy simulator can take seconds to reach a new connection's TLS handshake; Qt's default
    // would drop it after 5 s, which clients saw as "Connection closed".
    void slowHandshakeIsNotDropped()
    {
        startDemo();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        QTest::qWait(5500);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void continueTokensExpireOverHttp()
    {
        startDemo();
        const QJsonObject first = QJsonDocument::fromJson(get(u"/api/v1/pods?limit=3"_qs).body).object();
        const QString token = first.value(u"metadata").toObject().value(u"continue").toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(post(u"/sim/faults"_qs, { { u"expireContinueTokens"_qs, true } }).status, 200);
        const Response expired = get(u"/api/v1/pods?limit=3&continue="_qs + token);
        QCOMPARE(expired.status, 410);
        QCOMPARE(QJsonDocument::fromJson(expired.body).object().value(u"reason").toString(), u"Expired"_qs);
        const Response bad = post(u"/sim/faults"_qs, { { u"status"_qs, u"soon"_qs } });
        QCOMPARE(bad.status, 400);
    }

    void clientCertificates_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<int>("status");
        QTest::addRow("sim-client-cert") << int(Auth::Client) << 200;
        QTest::addRow("rogue-ca-cert") << int(Auth::Rogue) << 401;
        QTest::addRow("nothing") << int(Auth::None) << 401;
    }
    void clientCertificates()
    {
        QFETCH(int, auth);
        QFETCH(int, status);
        QVERIFY(!certFile(u"client.crt"_qs).isEmpty() && !certFile(u"rogue-client.key"_qs).isEmpty());
        startDemo();
        const Response r = get(u"/api/v1/nodes"_qs, Auth(auth));
        QCOMPARE(r.status, status);
        if (status == 401)
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"reason").toString(), u"Unauthorized"_qs);
        else
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"items").toArray().size(), 10);
    }

    void labelSelectors_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QStringList>("matching"); // of {app=a,tier=web}, {app=b}, {}
        QTest::addRow("equals") << u"app=a"_qs << QStringList { u"0"_qs };
        QTest::addRow("double-equals") << u"app==b"_qs << QStringList { u"1"_qs };
        QTest::addRow("not-equals") << u"app!=a"_qs << QStringList { u"1"_qs, u"2"_qs };
        QTest::addRow("in") << u"app in (a, b)"_qs << QStringList { u"0"_qs, u"1"_qs };
        QTest::addRow("notin") << u"app notin (a)"_qs << QStringList { u"1"_qs, u"2"_qs };
        QTest::addRow("exists") << u"tier"_qs << QStringList { u"0"_qs };
        QTest::addRow("not-exists") << u"!tier"_qs << QStringList { u"1"_qs, u"2"_qs };
        QTest::addRow("and") << u"app,!tier"_qs << QStringList { u"1"_qs };
    }
    void labelSelectors()
    {
        QFETCH(QString, selector);
        QFETCH(QStringList, matching);
        const QList<Sim::StringMap> labels
            = { { { u"app"_qs, u"a"_qs }, { u"tier"_qs, u"web"_qs } }, { { u"app"_qs, u"b"_qs } }, {} };
        const auto parsed = Kube::LabelSelector::parse(selector);
        QVERIFY2(parsed.ok(), qPrintable(selector));
        QStringList got;
        for (int i = 0; i < labels.size(); ++i) {
            if (parsed->matches(labels.at(i)))
                got.append(QString::number(i));
        }
        QCOMPARE(got, matching);
    }

    void badLabelSelectorIs400_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addRow("in-without-parens") << u"app in a"_qs;
        QTest::addRow("unclosed") << u"app in (a"_qs;
        QTest::addRow("empty-key") << u"=a"_qs;
        QTest::addRow("bad-key") << u"a b=c"_qs;
    }
    void badLabelSelectorIs400()
    {
        QFETCH(QString, selector);
        QVERIFY(!Kube::LabelSelector::parse(selector).ok());
        startDemo();
        const Response r
            = get(u"/api/v1/pods?labelSelector="_qs + QString::fromLatin1(QUrl::toPercentEncoding(selector)));
        QCOMPARE(r.status, 400);
        const QJsonObject status = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(status.value(u"kind").toString(), u"Status"_qs);
        QCOMPARE(status.value(u"code").toInt(), 400);
        QVERIFY(!status.value(u"message").toString().isEmpty());
        // A good selector over HTTP selects by labels.
        const Response good = get(u"/api/v1/pods?labelSelector=app%3Dcnf-dpdk"_qs);
        QCOMPARE(QJsonDocument::fromJson(good.body).object().value(u"items").toArray().size(), 1);
    }

    void kubectl_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expect");
        QTest::addRow("pods-json") << QStringList { u"get"_qs, u"pods"_qs, u"-A"_qs, u"-o"_qs, u"json"_qs }
                                   << u"json"_qs;
        QTest::addRow("nodes-wide") << QStringList { u"get"_qs, u"nodes"_qs, u"-o"_qs, u"wide"_qs } << u"wide"_qs;
    }
    void kubectl()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expect);
        const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_qs);
        QVERIFY2(!kubectl.isEmpty(), "kubectl must be on PATH");
        startDemo();
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
        QVERIFY(m_server->writeKubeconfig(kubeconfig));
        QProcess p;
        p.start(kubectl,
                QStringList { u"--kubeconfig"_qs, kubeconfig, u"--cache-dir"_qs, dir.filePath(u"cache"_qs) } + args);
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject pods = QJsonDocument::fromJson(get(u"/api/v1/pods"_qs).body).object();
        if (expect == u"json") {
            QJsonParseError error;
            const QJsonObject list = QJsonDocument::fromJson(out, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(list.value(u"kind").toString(), u"List"_qs);
            QCOMPARE(list.value(u"items").toArray().size(), pods.value(u"items").toArray().size());
            QVERIFY(list.value(u"items").toArray().size() > 20);
        } else {
            const QList<QByteArray> lines = out.trimmed().split('\n');
            QCOMPARE(lines.size(), 1 + 10);
            QVERIFY(lines.first().contains("INTERNAL-IP"));
            QVERIFY(lines.first().contains("CONTAINER-RUNTIME"));
            QVERIFY(out.contains("10.0.0.31"));
            QVERIFY(out.contains("NotReady"));
        }
    }

    // The fast writer used to load large clusters must serve exactly what the QJsonObject renderer builds.
    void podWriterMatchesRenderer()
    {
        auto demo = Sim::loadScenario(u"builtin:demo"_qs);
        auto generated
            = Sim::parseScenario("name: g\nseed: 3\ngenerator: {gpuNodes: 30, pods: 900, pendingPods: 5}\n", u"g"_qs);
        QVERIFY(demo.ok() && generated.ok());
        QList<Sim::PodDesc> pods = demo->pods + generated->pods;
        Sim::PodDesc failed = generated->pods.at(3);
        failed.phase = u"Failed"_qs;
        failed.name += u"-failed"_qs;
        Sim::PodDesc starting = demo->pods.first();
        starting.phase = u"Pending"_qs;
        starting.name += u"-starting"_qs;
        // Not yet seen by the scheduler (no conditions), and a DRA claim by name next to one from a template.
        Sim::PodDesc unscheduled = generated->pods.at(4);
        unscheduled.node.clear();
        unscheduled.phase = u"Pending"_qs;
        unscheduled.pendingMessage.clear();
        unscheduled.name += u"-new"_qs;
        Sim::PodDesc claims = demo->pods.first();
        claims.name += u"-claims"_qs;
        claims.resourceClaims = { { u"a"_qs, u"shared-gpu"_qs, {}, {} }, { u"b"_qs, {}, u"one-gpu"_qs, u"x-b-1"_qs } };
        claims.containers.first().claims = { u"a"_qs, u"b"_qs };
        claims.containers.first().requests.clear();
        claims.containers.first().limits.clear();
        pods << failed << starting << unscheduled << claims;
        const Sim::ObjectRenderer renderer(7, QDateTime::currentDateTimeUtc());
        const Sim::PodJsonWriter writer(renderer);
        Sim::ObjectStore store;
        QSet<QString> phases;
        for (const Sim::PodDesc &pod : std::as_const(pods)) {
            phases.insert(pod.phase + (pod.node.isEmpty() ? u"-unbound"_qs : QString()));
            store.put(u"pods"_qs, renderer.pod(pod));
            const Sim::StoredObject *expected = store.find(u"pods"_qs, pod.ns, pod.name);
            QVERIFY(expected);
            const Sim::StoredObject written = writer.render(pod, expected->resourceVersion);
            QJsonParseError error;
            const QJsonObject object = QJsonDocument::fromJson(written.json, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(pod.name + error.errorString()));
            QCOMPARE(object, QJsonDocument::fromJson(expected->json).object());
            QCOMPARE(QJsonDocument::fromJson(written.metadataJson).object(),
                     QJsonDocument::fromJson(expected->metadataJson).object());
            QCOMPARE(written.cells, expected->cells);
            QCOMPARE(written.wideCells, expected->wideCells);
            QCOMPARE(written.labels, expected->labels);
            QCOMPARE(written.nodeName, expected->nodeName);
            QCOMPARE(written.phase, expected->phase);
            QCOMPARE(written.createdMs, expected->createdMs);
        }
        QVERIFY(phases.contains(u"Running"_qs) && phases.contains(u"Succeeded"_qs) && phases.contains(u"Failed"_qs)
                && phases.contains(u"Pending"_qs) && phases.contains(u"Pending-unbound"_qs));
    }

    void largeScenarioCounts()
    {
        const auto scenario = Sim::loadScenario(u"builtin:large"_qs);
        QVERIFY(scenario.ok());
        QCOMPARE(scenario->nodes.size(), 5000);
        QCOMPARE(scenario->pods.size(), 150000);
        qint64 gpus = 0;
        qint64 physical = 0;
        int mig = 0;
        int shared = 0;
        int sriov = 0;
        for (const Sim::NodeDesc &node : scenario->nodes) {
            gpus
                += node.allocatable.value(u"nvidia.com/gpu"_qs, node.capacity.value(u"nvidia.com/gpu"_qs)).toLongLong();
            physical += node.labels.value(u"nvidia.com/gpu.count"_qs).toLongLong();
            mig += node.labels.value(u"nvidia.com/mig.strategy"_qs) == u"mixed" ? 1 : 0;
            shared += node.labels.value(u"nvidia.com/gpu.sharing-strategy"_qs) == u"time-slicing" ? 1 : 0;
            sriov += node.capacity.contains(u"openshift.io/mlnx_sriov_rdma"_qs) ? 1 : 0;
        }
        // Each RDMA node's pool has its SR-IOV state: one PF whose VFs are the pool.
        QSet<QString> rdmaNodes;
        for (const Sim::NodeDesc &node : scenario->nodes) {
            if (node.capacity.contains(u"openshift.io/mlnx_sriov_rdma"_qs))
                rdmaNodes.insert(node.name);
        }
        const QList<QJsonObject> states = scenario->objects.value(u"sriovnetworknodestates"_qs);
        QCOMPARE(states.size(), rdmaNodes.size());
        QSet<QString> pciAddresses;
        for (const QJsonObject &state : states) {
            QVERIFY(rdmaNodes.contains(state.value(u"metadata").toObject().value(u"name").toString()));
            const QJsonArray vfs = state.value(u"status")
                                       .toObject()
                                       .value(u"interfaces")
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"Vfs")
                                       .toArray();
            QCOMPARE(vfs.size(), 8);
            for (const QJsonValue &vf : vfs)
                pciAddresses.insert(vf.toObject().value(u"pciAddress").toString());
        }
        QCOMPARE(pciAddresses.size(), 8); // the same slots on every node
        QVERIFY(pciAddresses.contains(u"0000:86:01.1"_qs));
        QCOMPARE(gpus, 40000);
        QCOMPARE(physical, 40000);
        QVERIFY(mig > 0 && shared > 0 && sriov > 0);
        int pending = 0;
        int gpuPods = 0;
        QSet<QByteArray> names;
        for (const Sim::PodDesc &pod : scenario->pods) {
            names.insert((pod.ns + u'/' + pod.name).toUtf8());
            if (!pod.pendingMessage.isEmpty()) {
                ++pending;
                QVERIFY(pod.node.isEmpty());
                QVERIFY(pod.pendingMessage.startsWith(u"0/5000 nodes are available:"));
            }
            for (const Sim::ContainerDesc &c : pod.containers)
                gpuPods += c.requests.contains(u"nvidia.com/gpu"_qs) ? 1 : 0;
        }
        QCOMPARE(names.size(), 150000); // unique names
        QCOMPARE(pending, 200);
        QVERIFY(gpuPods > 5000);
        // Deterministic by seed.
        const auto again = Sim::loadScenario(u"builtin:large"_qs);
        QCOMPARE(again->pods.at(12345).name, scenario->pods.at(12345).name);
        QCOMPARE(again->nodes.at(777).labels, scenario->nodes.at(777).labels);
    }
};

QTEST_GUILESS_MAIN(TestSimApi)
#include "tst_simapi.moc"
