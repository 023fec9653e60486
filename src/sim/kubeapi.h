// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/labelselector.h"
#include "sim/faultinjector.h"
#include "sim/httpserver.h"
#include "sim/objectstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QTimer;

namespace Specula::Sim {

// The Kubernetes API paths of the simulator: discovery, lists with pagination and selectors,
// single objects, Table output and watches. Authentication and faults are handled before.
class KubeApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeApi)
public:
    KubeApi(const Scenario &scenario, ObjectStore *store, FaultInjector *faults, QObject *parent = nullptr);
    ~KubeApi() override;

    // Answers request; action is the fault to inject into this response.
    void handle(const HttpRequest &request, HttpResponder *responder, FaultInjector::Action action);
    void dispatch(const WatchEvent &event);
    int activeWatches() const;

    static QByteArray statusBody(int code, const QString &reason, const QString &message,
                                 const QJsonObject &details = {});
    void setContinueExpirySeconds(int seconds) { m_continueExpirySeconds = seconds; }

private:
    struct FieldRequirement
    {
        QString field;
        QString value;
        bool negate = false;
    };
    struct Filter
    {
        QString ns;
        Kube::LabelSelector labels;
        QList<FieldRequirement> fields;
        bool matches(const StoredObject &object) const;
    };
    struct Watch
    {
        QPointer<HttpResponder> responder;
        QString plural;
        QString kind;
        QString apiVersion;
        Filter filter;
        bool bookmarks = false;
        QTimer *timeout = nullptr;
    };

    void deliver(HttpResponder *responder, int status, const QByteArray &body);
    void sendStatus(HttpResponder *responder, int code, const QString &reason, const QString &message,
                    const QJsonObject &details = {});
    bool discovery(const HttpRequest &request, HttpResponder *responder);
    void list(const ResourceType &type, const Filter &filter, const HttpRequest &request, HttpResponder *responder);
    void get(const ResourceType &type, const QString &ns, const QString &name, const HttpRequest &request,
             HttpResponder *responder);
    void watch(const ResourceType &type, Filter filter, const HttpRequest &request, HttpResponder *responder);
    void sendBookmarks();
    void endWatch(int index);

    QByteArray encodeContinue(const QByteArray &startKey, qint64 served) const;

    const Scenario &m_scenario;
    QList<ResourceType> m_types;
    ObjectStore *m_store;
    FaultInjector *m_faults;
    FaultInjector::Action m_action = FaultInjector::Action::None;
    QList<Watch> m_watches;
    QTimer *m_bookmarkTimer = nullptr;
    int m_continueExpirySeconds;
};

} // namespace Specula::Sim
