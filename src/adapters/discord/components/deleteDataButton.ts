import { deleteMyData } from '../../../app/index.ts';
import { privacySay } from '../messages.ts';
import type { ComponentHandler } from './component.ts';

export const DELETE_DATA_BUTTON = 'delete-data';

/**
 * The confirmation of `/privacy delete`. The prompt is ephemeral, so whoever clicks is the user who
 * asked: they delete their own data, never someone else's.
 */
export const deleteDataButton: ComponentHandler = {
  prefix: DELETE_DATA_BUTTON,
  async handle(deps, interaction, choice) {
    if (!interaction.isButton()) return;
    if (choice !== 'yes') {
      await interaction.update({ content: privacySay.cancelled, components: [] });
      return;
    }
    await interaction.deferUpdate();
    const { attempts } = await deps.perUser.run(interaction.user.id, () =>
      deleteMyData(deps.app, interaction.user.id),
    );
    await interaction.editReply({ content: privacySay.deleted(attempts), components: [] });
  },
};
