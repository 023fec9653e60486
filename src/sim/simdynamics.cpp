// SPDX-License-Identifier: GPL-3.0-or-later
// How SimServer's cluster changes on each tick, so that watches have something to report.
#include "sim/generator.h"
#include "sim/objectrenderer.h"
#include "sim/objectstore.h"
#include "sim/simserver.h"

#include <QRandomGenerator>

namespace Specula::Sim {

void SimServer::putPod(const QByteArray &key)
{
    m_store->put(u"pods"_qs, m_renderer->pod(m_pods.value(key)));
}

void SimServer::advance(int ticks)
{
    if (!m_store)
        return;
    for (int i = 0; i < ticks; ++i)
        step();
    Q_EMIT advanced(m_tick);
}

void SimServer::step()
{
    ++m_tick;
    m_renderer->setNow(QDateTime::currentDateTimeUtc());
    QRandomGenerator random(quint32(m_scenario.seed * 7919 + quint64(m_tick)));
    QStringList schedulable;
    for (const NodeDesc &node : std::as_const(m_scenario.nodes)) {
        if (node.ready && !node.unschedulable && !node.labels.contains(u"node-role.kubernetes.io/control-plane"_qs))
            schedulable.append(node.name);
    }

    // Pods bound on the previous tick start running; pods created on the previous tick get bound.
    QList<QByteArray> toBind;
    for (const QByteArray &key : std::as_const(m_churn)) {
        PodDesc &pod = m_pods[key];
        if (pod.phase != u"Pending" || !pod.pendingMessage.isEmpty())
            continue;
        if (!pod.node.isEmpty()) {
            pod.phase = u"Running"_qs;
            putPod(key);
        } else {
            toBind.append(key);
        }
    }
    for (const QByteArray &key : std::as_const(toBind)) {
        if (schedulable.isEmpty())
            break;
        PodDesc &pod = m_pods[key];
        pod.node = schedulable.at(int(random.bounded(quint32(schedulable.size()))));
        putPod(key);
    }

    // The oldest running churn pods complete and stay bound to their node.
    int finished = 0;
    for (const QByteArray &key : std::as_const(m_churn)) {
        if (finished >= m_scenario.dynamics.finishPerTick)
            break;
        PodDesc &pod = m_pods[key];
        if (pod.phase != u"Running" || toBind.contains(key) || m_finished.contains(key))
            continue;
        pod.phase = u"Succeeded"_qs;
        putPod(key);
        m_finished.append(key);
        ++finished;
    }

    // New pods: alternately a CPU job that will run and a GPU job that fits nowhere.
    QList<QByteArray> unschedulable;
    for (const QByteArray &key : std::as_const(m_churn)) {
        if (!m_pods.value(key).pendingMessage.isEmpty())
            unschedulable.append(key);
    }
    for (int i = 0; i < m_scenario.dynamics.createPerTick; ++i) {
        const int serial = m_created++;
        PodDesc pod;
        pod.ns = u"batch"_qs;
        pod.ownerKind = u"Job"_qs;
        pod.phase = u"Pending"_qs;
        pod.ageSeconds = 0;
        pod.churn = true;
        ContainerDesc container;
        container.name = u"worker"_qs;
        if (serial % 2 == 0) {
            pod.ownerName = u"etl-%1"_qs.arg(m_tick);
            pod.name = pod.ownerName + u'-' + QString::number(random.bounded(10000, 99999), 36);
            container.image = u"docker.io/library/python:3.12-slim"_qs;
            container.requests = { { u"cpu"_qs, u"500m"_qs }, { u"memory"_qs, u"512Mi"_qs } };
        } else {
            pod.ownerName = u"finetune-%1"_qs.arg(m_tick);
            pod.name = pod.ownerName + u'-' + QString::number(random.bounded(10000, 99999), 36);
            container.image = u"nvcr.io/nvidia/pytorch:24.07-py3"_qs;
            container.requests
                = { { u"cpu"_qs, u"8"_qs }, { u"memory"_qs, u"64Gi"_qs }, { u"nvidia.com/gpu"_qs, u"8"_qs } };
            container.limits = { { u"nvidia.com/gpu"_qs, u"8"_qs } };
            pod.pendingMessage = failedSchedulingMessage(m_scenario, u"nvidia.com/gpu"_qs);
        }
        pod.labels = { { u"batch.kubernetes.io/job-name"_qs, pod.ownerName }, { u"job-name"_qs, pod.ownerName } };
        pod.containers.append(container);
        const QByteArray key = ObjectStore::key(pod.ns, pod.name);
        m_pods.insert(key, pod);
        m_churn.append(key);
        putPod(key);
        if (!pod.pendingMessage.isEmpty()) {
            m_store->put(u"events"_qs, m_renderer->failedSchedulingEvent(pod));
            unschedulable.append(key);
        }
    }

    // Bounded churn: the oldest finished and unschedulable pods go away.
    auto drop = [this](const QByteArray &key) {
        const PodDesc pod = m_pods.take(key);
        m_churn.removeAll(key);
        m_store->remove(u"pods"_qs, pod.ns, pod.name);
        // Its event goes with it, so that a long-running demo keeps a bounded number of events.
        if (!pod.pendingMessage.isEmpty())
            m_store->remove(u"events"_qs, pod.ns, ObjectRenderer::failedSchedulingEventName(pod));
    };
    while (m_finished.size() > m_scenario.dynamics.maxFinished)
        drop(m_finished.takeFirst());
    while (unschedulable.size() > m_scenario.dynamics.maxFinished)
        drop(unschedulable.takeFirst());
}

} // namespace Specula::Sim
