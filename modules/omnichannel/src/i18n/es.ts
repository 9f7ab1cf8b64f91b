export const es = {
  nav: { inbox: 'Mensajes', preferences: 'Avisos' },
  channels: { email: 'Correo', sms: 'SMS', whatsapp: 'WhatsApp' },
  status: { active: 'Activa', waiting: 'Por responder', resolved: 'Resuelta', escalated: 'Escalada' },
  priority: { low: 'Baja', normal: 'Normal', high: 'Alta', urgent: 'Urgente' },
  messageStatus: { pending: 'En cola', sent: 'Enviado', delivered: 'Entregado', read: 'Leído', failed: 'Falló', received: 'Recibido' },
  inbox: {
    title: 'Bandeja de mensajes', all: 'Todos', mine: 'Míos', unassigned: 'Sin asignar', none: 'No hay conversaciones.', unread: '{{count}} sin leer',
    reply: 'Responder', send: 'Enviar', replied: 'Respuesta enviada.', assignToMe: 'Tomarla', release: 'Soltar', resolve: 'Resolver', escalate: 'Escalar', reopen: 'Reabrir', updated: 'Conversación actualizada.',
    unknownContact: 'Contacto sin propietario registrado', assignedTo: 'Atiende', outbox: 'Ver mensajes del proveedor local', assistant: 'Asistente', system: 'Sistema',
  },
  prefs: { title: 'Cómo quieres recibir avisos', preferredChannel: 'Canal preferido', emailEnabled: 'Correo', smsEnabled: 'SMS', whatsappEnabled: 'WhatsApp', remindersEnabled: 'Recordatorios de citas y vacunas', marketingEnabled: 'Promociones y novedades', saved: 'Preferencias guardadas.' },
  templates: { title: 'Plantillas de mensajes', help: 'Las variables entre llaves se llenan al enviar. Editar una plantilla de WhatsApp la manda de nuevo a aprobación de Meta.', variables: 'Variables', active: 'En uso', approved: 'Aprobada por WhatsApp', pending: 'Pendiente de aprobación', subject: 'Asunto', content: 'Texto', saved: 'Plantilla guardada.' },
};
