// SPDX-License-Identifier: GPL-3.0-or-later
// ObjectRenderer::pod: the largest object shape, kept apart from the others.
#include "sim/objectrenderer.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace Specula::Sim {

namespace {

QJsonObject podCondition(const QString &type, bool status, const QString &time, const QString &reason = {},
                         const QString &message = {})
{
    QJsonObject c { { u"type"_qs, type },
                    { u"status"_qs, status ? u"True"_qs : u"False"_qs },
                    { u"lastProbeTime"_qs, QJsonValue::Null },
                    { u"lastTransitionTime"_qs, time } };
    if (!reason.isEmpty())
        c.insert(u"reason"_qs, reason);
    if (!message.isEmpty())
        c.insert(u"message"_qs, message);
    return c;
}

QJsonObject containerSpec(const ContainerDesc &c)
{
    QJsonObject resources;
    if (!c.requests.isEmpty())
        resources.insert(u"requests"_qs, ObjectRenderer::jsonObject(c.requests));
    if (!c.limits.isEmpty())
        resources.insert(u"limits"_qs, ObjectRenderer::jsonObject(c.limits));
    if (!c.claims.isEmpty()) {
        QJsonArray claims;
        for (const QString &claim : c.claims)
            claims.append(QJsonObject { { u"name"_qs, claim } });
        resources.insert(u"claims"_qs, claims);
    }
    QJsonObject spec {
        { u"name"_qs, c.name },
        { u"image"_qs, c.image },
        { u"resources"_qs, resources },
        { u"volumeMounts"_qs,
          QJsonArray { QJsonObject { { u"name"_qs, u"kube-api-access"_qs },
                                     { u"readOnly"_qs, true },
                                     { u"mountPath"_qs, u"/var/run/secrets/kubernetes.io/serviceaccount"_qs } } } },
        { u"terminationMessagePath"_qs, u"/dev/termination-log"_qs },
        { u"terminationMessagePolicy"_qs, u"File"_qs },
        { u"imagePullPolicy"_qs, u"IfNotPresent"_qs }
    };
    if (!c.env.isEmpty()) {
        QJsonArray env;
        for (const auto &[name, value] : c.env)
            env.append(QJsonObject { { u"name"_qs, name }, { u"value"_qs, value } });
        spec.insert(u"env"_qs, env);
    }
    if (!c.ports.isEmpty()) {
        QJsonArray ports;
        for (int port : c.ports)
            ports.append(QJsonObject { { u"containerPort"_qs, port }, { u"protocol"_qs, u"TCP"_qs } });
        spec.insert(u"ports"_qs, ports);
    }
    if (c.sidecar)
        spec.insert(u"restartPolicy"_qs, u"Always"_qs);
    return spec;
}

} // namespace

QJsonObject ObjectRenderer::pod(const PodDesc &pod) const
{
    const QString created = timestamp(pod.ageSeconds);
    const QString started = timestamp(qMax<qint64>(0, pod.ageSeconds - 5));
    const QString podUid = uid(u"Pod"_qs, pod.ns, pod.name);
    QJsonObject metadata { { u"name"_qs, pod.name },
                           { u"namespace"_qs, pod.ns },
                           { u"uid"_qs, podUid },
                           { u"creationTimestamp"_qs, created } };
    if (!pod.labels.isEmpty())
        metadata.insert(u"labels"_qs, ObjectRenderer::jsonObject(pod.labels));
    if (!pod.annotations.isEmpty())
        metadata.insert(u"annotations"_qs, ObjectRenderer::jsonObject(pod.annotations));
    if (!pod.ownerKind.isEmpty()) {
        const QString apiVersion = pod.ownerKind == u"Job" ? u"batch/v1"_qs : u"apps/v1"_qs;
        metadata.insert(u"generateName"_qs, QString(pod.ownerName + u'-'));
        metadata.insert(u"ownerReferences"_qs,
                        QJsonArray { QJsonObject { { u"apiVersion"_qs, apiVersion },
                                                   { u"kind"_qs, pod.ownerKind },
                                                   { u"name"_qs, pod.ownerName },
                                                   { u"uid"_qs, uid(pod.ownerKind, pod.ns, pod.ownerName) },
                                                   { u"controller"_qs, true },
                                                   { u"blockOwnerDeletion"_qs, true } } });
    }

    QJsonArray containers;
    for (const ContainerDesc &c : pod.containers)
        containers.append(containerSpec(c));
    QJsonObject spec { { u"containers"_qs, containers },
                       { u"restartPolicy"_qs, pod.ownerKind == u"Job" ? u"Never"_qs : u"Always"_qs },
                       { u"terminationGracePeriodSeconds"_qs, 30 },
                       { u"dnsPolicy"_qs, u"ClusterFirst"_qs },
                       { u"serviceAccountName"_qs, u"default"_qs },
                       { u"serviceAccount"_qs, u"default"_qs },
                       { u"securityContext"_qs, QJsonObject {} },
                       { u"schedulerName"_qs, u"default-scheduler"_qs },
                       { u"enableServiceLinks"_qs, true },
                       { u"preemptionPolicy"_qs, u"PreemptLowerPriority"_qs },
                       { u"priority"_qs, 0 },
                       { u"tolerations"_qs,
                         QJsonArray { QJsonObject { { u"key"_qs, u"node.kubernetes.io/not-ready"_qs },
                                                    { u"operator"_qs, u"Exists"_qs },
                                                    { u"effect"_qs, u"NoExecute"_qs },
                                                    { u"tolerationSeconds"_qs, 300 } },
                                      QJsonObject { { u"key"_qs, u"node.kubernetes.io/unreachable"_qs },
                                                    { u"operator"_qs, u"Exists"_qs },
                                                    { u"effect"_qs, u"NoExecute"_qs },
                                                    { u"tolerationSeconds"_qs, 300 } } } },
                       { u"volumes"_qs,
                         QJsonArray {
                             QJsonObject { { u"name"_qs, u"kube-api-access"_qs },
                                           { u"projected"_qs, QJsonObject { { u"defaultMode"_qs, 420 } } } } } } };
    if (!pod.initContainers.isEmpty()) {
        QJsonArray init;
        for (const ContainerDesc &c : pod.initContainers)
            init.append(containerSpec(c));
        spec.insert(u"initContainers"_qs, init);
    }
    if (!pod.node.isEmpty())
        spec.insert(u"nodeName"_qs, pod.node);
    if (!pod.nodeSelector.isEmpty())
        spec.insert(u"nodeSelector"_qs, ObjectRenderer::jsonObject(pod.nodeSelector));
    if (!pod.overhead.isEmpty())
        spec.insert(u"overhead"_qs, ObjectRenderer::jsonObject(pod.overhead));
    QJsonArray claimStatuses;
    if (!pod.resourceClaims.isEmpty()) {
        QJsonArray claims;
        for (const PodClaimDesc &claim : pod.resourceClaims) {
            if (claim.templateName.isEmpty()) {
                claims.append(QJsonObject { { u"name"_qs, claim.name }, { u"resourceClaimName"_qs, claim.claimName } });
                continue;
            }
            claims.append(
                QJsonObject { { u"name"_qs, claim.name }, { u"resourceClaimTemplateName"_qs, claim.templateName } });
            if (!claim.generatedName.isEmpty())
                claimStatuses.append(
                    QJsonObject { { u"name"_qs, claim.name }, { u"resourceClaimName"_qs, claim.generatedName } });
        }
        spec.insert(u"resourceClaims"_qs, claims);
    }

    const bool bound = !pod.node.isEmpty();
    const bool running = pod.phase == u"Running";
    const bool done = pod.phase == u"Succeeded" || pod.phase == u"Failed";
    QJsonArray conditions;
    if (!bound) {
        // A pod the scheduler has not looked at yet has no conditions at all.
        if (!pod.pendingMessage.isEmpty())
            conditions.append(
                podCondition(u"PodScheduled"_qs, false, created, u"Unschedulable"_qs, pod.pendingMessage));
    } else {
        const QString reason = done ? u"PodCompleted"_qs : QString();
        conditions.append(podCondition(u"PodReadyToStartContainers"_qs, !done, started));
        conditions.append(podCondition(u"Initialized"_qs, true, started, reason));
        conditions.append(podCondition(u"Ready"_qs, running, started,
                                       running ? QString() : (done ? reason : u"ContainersNotReady"_qs)));
        conditions.append(podCondition(u"ContainersReady"_qs, running, started,
                                       running ? QString() : (done ? reason : u"ContainersNotReady"_qs)));
        conditions.append(podCondition(u"PodScheduled"_qs, true, created));
    }
    QJsonObject status { { u"phase"_qs, pod.phase }, { u"qosClass"_qs, u"Burstable"_qs } };
    if (!conditions.isEmpty())
        status.insert(u"conditions"_qs, conditions);
    if (!claimStatuses.isEmpty())
        status.insert(u"resourceClaimStatuses"_qs, claimStatuses);
    if (bound) {
        const QString hostIP = u"10.0.0.%1"_qs.arg(qHash(pod.node) % 250 + 2);
        const QString podIP = pod.podIP.isEmpty()
            ? u"10.244.%1.%2"_qs.arg(qHash(pod.node) % 250).arg(qHash(pod.name) % 250 + 2)
            : pod.podIP;
        status.insert(u"hostIP"_qs, hostIP);
        status.insert(u"hostIPs"_qs, QJsonArray { QJsonObject { { u"ip"_qs, hostIP } } });
        if (!done || pod.phase == u"Succeeded") {
            status.insert(u"podIP"_qs, podIP);
            status.insert(u"podIPs"_qs, QJsonArray { QJsonObject { { u"ip"_qs, podIP } } });
        }
        status.insert(u"startTime"_qs, created);
        auto containerStatus = [&](const ContainerDesc &c, bool init) {
            const QString containerId
                = u"containerd://"_qs
                + QString::fromLatin1(
                      QCryptographicHash::hash((podUid + c.name).toUtf8(), QCryptographicHash::Sha256).toHex());
            const QString imageId = c.image.section(u':', 0, 0) + u"@sha256:"_qs
                + QString::fromLatin1(QCryptographicHash::hash(c.image.toUtf8(), QCryptographicHash::Sha256).toHex());
            QJsonObject state;
            const bool initDone = init && !c.sidecar;
            if (running && !initDone)
                state.insert(u"running"_qs, QJsonObject { { u"startedAt"_qs, started } });
            else if (done || initDone)
                state.insert(u"terminated"_qs,
                             QJsonObject { { u"exitCode"_qs, 0 },
                                           { u"reason"_qs, u"Completed"_qs },
                                           { u"startedAt"_qs, started },
                                           { u"finishedAt"_qs, initDone ? started : timestamp(60) },
                                           { u"containerID"_qs, containerId } });
            else
                state.insert(u"waiting"_qs, QJsonObject { { u"reason"_qs, u"ContainerCreating"_qs } });
            QJsonObject s { { u"name"_qs, c.name },
                            { u"state"_qs, state },
                            { u"lastState"_qs, QJsonObject {} },
                            { u"ready"_qs, running && !initDone ? true : initDone },
                            { u"restartCount"_qs, init ? 0 : pod.restarts },
                            { u"image"_qs, c.image },
                            { u"imageID"_qs, imageId } };
            if (running || done)
                s.insert(u"containerID"_qs, containerId);
            if (!init || c.sidecar)
                s.insert(u"started"_qs, running);
            return s;
        };
        if (!pod.initContainers.isEmpty()) {
            QJsonArray init;
            for (const ContainerDesc &c : pod.initContainers)
                init.append(containerStatus(c, true));
            status.insert(u"initContainerStatuses"_qs, init);
        }
        QJsonArray statuses;
        for (const ContainerDesc &c : pod.containers)
            statuses.append(containerStatus(c, false));
        status.insert(u"containerStatuses"_qs, statuses);
    }
    return QJsonObject { { u"kind"_qs, u"Pod"_qs },
                         { u"apiVersion"_qs, u"v1"_qs },
                         { u"metadata"_qs, metadata },
                         { u"spec"_qs, spec },
                         { u"status"_qs, status } };
}

} // namespace Specula::Sim
