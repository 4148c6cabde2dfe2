import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Length } from 'class-validator';

/** The cashier's answer as keyed: digits, text, or yes/no, as the prompt's `input` said. */
export class PromptAnswerDto {
  @ApiProperty({ example: '4242', description: "as the prompt's input asks: digits, letters and digits, or yes / no" })
  @Length(1, 64, { message: 'value must be 1-64 characters' })
  @IsString({ message: 'value must be a string (what the cashier keyed)' })
  @IsDefined({ message: "value is required (what the cashier keyed, as the prompt's input asks)" })
  value!: string;
}
